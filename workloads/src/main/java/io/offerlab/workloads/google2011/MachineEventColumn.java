package io.offerlab.workloads.google2011;

import io.offerlab.workloads.reader.Column;

/** The columns of a clusterdata-2011-2 {@code machine_events} row. */
enum MachineEventColumn implements Column {
  TIME("timestamp (us)"),
  MACHINE_ID("machine ID"),
  EVENT_TYPE("event type"),
  PLATFORM_ID("platform ID"),
  CPUS("CPU capacity"),
  MEMORY("memory capacity");

  static final int COUNT = values().length;

  private final String label;

  MachineEventColumn(String label) {
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
