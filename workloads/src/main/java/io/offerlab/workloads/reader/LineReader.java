package io.offerlab.workloads.reader;

import io.offerlab.workloads.Job;
import io.offerlab.workloads.WorkloadException;

/**
 * The base of the readers with one record per line (SWF, SWIM, Alibaba openb): skips lines that carry no record,
 * parses each record line whole into a job, counts it, and hands a bad one to the {@code skipBadRows} policy.
 */
public abstract class LineReader extends TraceReader {
  private boolean pendingLine;
  private long emitted;

  /** Reads the shared options. */
  protected LineReader(Options options) {
    super(options);
  }

  /** Returns the file being read. */
  protected abstract LineSource lines();

  /** Returns whether the current line carries no record; by default, whether it is blank. */
  protected boolean skipped() {
    return lines().blank();
  }

  /**
   * Parses the current line into a job, or returns null when the record is dropped; throws
   * {@link WorkloadException} on a bad line.
   */
  protected abstract Job parse();

  /** Keeps the current line, the first record line, for the first {@link #next()}. */
  protected final void keepLine() {
    pendingLine = true;
  }

  /** Advances to the first record line and keeps it; fails as an empty trace, expecting {@code what}, at the end. */
  protected final void firstLine(String what) {
    while (lines().next()) {
      if (!skipped()) {
        keepLine();
        return;
      }
    }
    throw lines().emptyError(what);
  }

  @Override
  public final Job next() {
    while (pendingLine || lines().next()) {
      pendingLine = false;
      if (skipped()) {
        continue;
      }
      rows++;
      try {
        Job job = parse();
        if (job != null) {
          emitted++;
          return job;
        }
      } catch (WorkloadException e) {
        badRows.handle(e);
      }
    }
    return null;
  }

  /** Returns the jobs returned so far. */
  protected final long emitted() {
    return emitted;
  }

  @Override
  public void close() {
    lines().close();
  }
}
