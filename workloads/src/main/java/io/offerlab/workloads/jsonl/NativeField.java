package io.offerlab.workloads.jsonl;

import java.util.List;

/** The field names of the native format, per object kind; anything else is rejected by name. */
final class NativeField {
  static final List<String> JOB = List.of("id", "framework", "role", "priority", "arrival", "kind", "tasks",
      "afterPrevious", "stages");
  static final List<String> TASK = List.of("count", "cpus", "memMb", "diskMb", "gpus", "duration", "usage");
  static final List<String> USAGE = List.of("offset", "cpus", "memMb");
  static final List<String> CLUSTER_LINE = List.of("cluster");
  static final List<String> AGENT_GROUP = List.of("count", "cpus", "memMb", "diskMb", "gpus");
  static final String UNBOUNDED = "unbounded";

  private NativeField() {}
}
