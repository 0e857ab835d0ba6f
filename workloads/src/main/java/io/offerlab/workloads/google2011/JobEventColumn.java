package io.offerlab.workloads.google2011;

import io.offerlab.workloads.reader.Column;

/** The columns of a clusterdata-2011-2 {@code job_events} row. */
enum JobEventColumn implements Column {
  TIME("timestamp (us)"),
  MISSING_INFO("missing info"),
  JOB_ID("job ID"),
  EVENT_TYPE("event type"),
  USER("user"),
  SCHEDULING_CLASS("scheduling class"),
  JOB_NAME("job name"),
  LOGICAL_JOB_NAME("logical job name");

  static final int COUNT = values().length;

  private final String label;

  JobEventColumn(String label) {
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
