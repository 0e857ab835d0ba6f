package io.offerlab.realruntime.wire;

/**
 * A request body that is not a valid message: malformed JSON, a field of the wrong type or a missing required field.
 * Its message names the field path ({@code accept.offer_ids[1].value}); the master answers it with 400, as Mesos does.
 */
public final class BadMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Create the exception with a one-line message. */
  public BadMessageException(String message) {
    super(message);
  }
}
