package io.offerlab.workloads;

/**
 * Bad workload input: a malformed row, a missing file, an unknown format or option. The message is one line that
 * names the file and line (or the option) and says what was expected, e.g.
 * {@code trace.csv:12: expected a number in column 10 (CPU request), found 'x'}.
 */
public final class WorkloadException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a one-line message (line breaks are replaced by spaces). */
  public WorkloadException(String message) {
    super(message.replace('\n', ' ').replace('\r', ' '));
  }
}
