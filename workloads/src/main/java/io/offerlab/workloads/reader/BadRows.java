package io.offerlab.workloads.reader;

import io.offerlab.workloads.WorkloadException;
import java.util.ArrayList;
import java.util.List;

/**
 * What to do with a malformed row: fail the run (the default), or, with {@code skipBadRows=true}, count it, keep its
 * message among the first few, and go on.
 */
public final class BadRows {
  /** How many skipped-row messages are kept as examples. */
  public static final int EXAMPLES = 10;

  private final boolean skip;
  private long count;
  private final List<String> examples = new ArrayList<>();

  /** Creates the policy: skip bad rows, or fail on the first. */
  public BadRows(boolean skip) {
    this.skip = skip;
  }

  /** Rethrows {@code e} unless skipping; otherwise counts it. */
  public void handle(WorkloadException e) {
    if (!skip) {
      throw e;
    }
    count++;
    if (examples.size() < EXAMPLES) {
      examples.add(e.getMessage());
    }
  }

  /** Returns whether bad rows are skipped. */
  public boolean skipping() {
    return skip;
  }

  /** Returns the number of rows skipped. */
  public long count() {
    return count;
  }

  /** Returns the first messages of skipped rows. */
  public List<String> examples() {
    return examples;
  }
}
