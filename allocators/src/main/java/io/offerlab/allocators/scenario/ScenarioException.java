package io.offerlab.allocators.scenario;

/** A scenario file that cannot be run; the message is one line naming the file, the step index and the field. */
public final class ScenarioException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  ScenarioException(String message) {
    super(message);
  }
}
