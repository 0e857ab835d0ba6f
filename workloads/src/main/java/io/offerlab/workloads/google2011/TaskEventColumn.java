package io.offerlab.workloads.google2011;

import io.offerlab.workloads.reader.Column;

/** The columns of a clusterdata-2011-2 {@code task_events} row (Reiss, Wilkes, Hellerstein, "format + schema"). */
enum TaskEventColumn implements Column {
  TIME("timestamp (us)"),
  MISSING_INFO("missing info"),
  JOB_ID("job ID"),
  TASK_INDEX("task index"),
  MACHINE_ID("machine ID"),
  EVENT_TYPE("event type"),
  USER("user"),
  SCHEDULING_CLASS("scheduling class"),
  PRIORITY("priority"),
  CPU_REQUEST("CPU request"),
  MEMORY_REQUEST("memory request"),
  DISK_REQUEST("disk request"),
  DIFFERENT_MACHINE("different-machine constraint");

  static final int COUNT = values().length;

  private final String label;

  TaskEventColumn(String label) {
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
