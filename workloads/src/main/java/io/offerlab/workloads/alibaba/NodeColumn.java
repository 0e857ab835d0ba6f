package io.offerlab.workloads.alibaba;

import io.offerlab.workloads.reader.Column;

/** The columns of an openb node list, in header order. */
enum NodeColumn implements Column {
  SN("sn"),
  CPU_MILLI("cpu_milli"),
  MEMORY_MIB("memory_mib"),
  GPU("gpu"),
  MODEL("model");

  static final int COUNT = values().length;

  private final String header;

  NodeColumn(String header) {
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

  /** Returns the header line the node list must start with. */
  static String headerLine() {
    StringBuilder sb = new StringBuilder();
    for (NodeColumn c : values()) {
      sb.append(sb.length() == 0 ? "" : ",").append(c.header);
    }
    return sb.toString();
  }
}
