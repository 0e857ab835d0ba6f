package io.offerlab.workloads.swim;

import io.offerlab.workloads.reader.Column;

/** The tab-separated columns of a SWIM workload file (the FB-2009 and FB-2010 samples). */
enum SwimColumn implements Column {
  JOB_NAME("job name"),
  SUBMIT_TIME("submit time (s)"),
  GAP("gap since previous job (s)"),
  MAP_INPUT_BYTES("map input bytes"),
  SHUFFLE_BYTES("shuffle bytes"),
  REDUCE_OUTPUT_BYTES("reduce output bytes");

  static final int COUNT = values().length;

  private final String label;

  SwimColumn(String label) {
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
