package io.offerlab.workloads.alibaba;

import io.offerlab.workloads.reader.LineSource;

/** Checks the header line of an openb CSV file. */
final class Header {
  private Header() {}

  /** Reads the first line and fails unless it is {@code expected}. */
  static void require(LineSource src, String expected, String what) {
    if (!src.next()) {
      throw src.emptyError(what + " '" + expected + "'");
    }
    String found = src.text().strip();
    if (found.startsWith("\uFEFF")) {
      found = found.substring(1);
    }
    if (!found.equals(expected)) {
      throw src.error(what + " '" + expected + "'", found);
    }
  }
}
