package io.offerlab.workloads.alibaba;

import io.offerlab.workloads.reader.Column;

/** The columns of an openb pod list, in header order (Weng et al., USENIX ATC 2023). Times are in seconds. */
enum PodColumn implements Column {
  NAME("name"),
  CPU_MILLI("cpu_milli"),
  MEMORY_MIB("memory_mib"),
  NUM_GPU("num_gpu"),
  GPU_MILLI("gpu_milli"),
  GPU_SPEC("gpu_spec"),
  QOS("qos"),
  POD_PHASE("pod_phase"),
  CREATION_TIME("creation_time"),
  DELETION_TIME("deletion_time"),
  SCHEDULED_TIME("scheduled_time");

  static final int COUNT = values().length;

  private final String header;

  PodColumn(String header) {
    this.header = header;
  }

  @Override
  public int position() {
    return ordinal();
  }

  @Override
  public String label() {
    return header;
  }

  /** Returns the header line the pod list must start with. */
  static String headerLine() {
    StringBuilder sb = new StringBuilder();
    for (PodColumn c : values()) {
      sb.append(sb.length() == 0 ? "" : ",").append(c.header);
    }
    return sb.toString();
  }
}
