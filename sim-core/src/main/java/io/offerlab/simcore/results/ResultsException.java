package io.offerlab.simcore.results;

/** Bad or missing results input; the message is one line naming the file and line or field. */
public final class ResultsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message. */
  public ResultsException(String message) {
    super(message);
  }

  /** Creates the exception with a one-line message and its cause. */
  public ResultsException(String message, Throwable cause) {
    super(message, cause);
  }
}
