package io.offerlab.reports.sweep;

/** A bad sweep file, shard or merge input; the message is one line naming the file and field. */
public final class SweepException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message. */
  public SweepException(String message) {
    super(message);
  }
}
