package io.offerlab.simcore;

/** Told how far a run has got: the simulated time now and the end time (-1 when unknown), in microseconds. */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (simulatedMicros, endMicros) -> { };

  /** Reports progress. */
  void progress(long simulatedMicros, long endMicros);
}
