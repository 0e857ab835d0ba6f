package io.offerlab.workloads.reader;

/** A column of a trace format's layout: its position (counting from 0) and what it holds, for messages. */
public interface Column {
  /** Returns the position of the field in a row, counting from 0. */
  int position();

  /** Returns what the column holds, e.g. {@code CPU request}. */
  String label();
}
