package io.offerlab.workloads.swf;

import io.offerlab.workloads.reader.Column;

/**
 * The 18 whitespace-separated fields of a Standard Workload Format job line (Feitelson, Tsafrir and Krakov, JPDC
 * 74(10), 2014; Chapin et al., "Benchmarks and standards for the evaluation of parallel job schedulers", 1999).
 * -1 means unknown.
 */
enum SwfField implements Column {
  JOB_NUMBER("job number"),
  SUBMIT_TIME("submit time (s)"),
  WAIT_TIME("wait time (s)"),
  RUN_TIME("run time (s)"),
  ALLOCATED_PROCESSORS("allocated processors"),
  AVERAGE_CPU_TIME("average CPU time used (s)"),
  USED_MEMORY("used memory (KB per processor)"),
  REQUESTED_PROCESSORS("requested processors"),
  REQUESTED_TIME("requested time (s)"),
  REQUESTED_MEMORY("requested memory (KB per processor)"),
  STATUS("status"),
  USER_ID("user ID"),
  GROUP_ID("group ID"),
  EXECUTABLE("executable number"),
  QUEUE("queue number"),
  PARTITION("partition number"),
  PRECEDING_JOB("preceding job number"),
  THINK_TIME("think time (s)");

  static final int COUNT = values().length;

  private final String label;

  SwfField(String label) {
    this.label = label;
  }

  @Override
  public int position() {
    return ordinal();
  }

  @Override
  public String label() {
    return label;
  }
}
