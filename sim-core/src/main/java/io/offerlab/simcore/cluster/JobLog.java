package io.offerlab.simcore.cluster;

import io.offerlab.simcore.results.AtomicFiles;
import io.offerlab.simcore.results.Csv;
import io.offerlab.simcore.results.Numbers;
import io.offerlab.simcore.results.ResultsKeys;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * Streams {@code jobs.csv} in arrival order: a job's row is written once it and every job that arrived before it
 * have ended, so only jobs still running (and those that arrived after them) are held in memory.
 */
final class JobLog {
  static final String HEADER = String.join(",", ResultsKeys.JOBS_CSV_COLUMNS);

  private final Path target;
  private final BufferedWriter out;
  private final ArrayDeque<JobRun> waiting = new ArrayDeque<>();
  private final StringBuilder line = new StringBuilder(128);

  JobLog(Path target) {
    this.target = target;
    this.out = AtomicFiles.open(target);
    write(HEADER);
  }

  void arrived(JobRun job) {
    waiting.addLast(job);
  }

  void flushFinished() {
    while (!waiting.isEmpty() && waiting.peekFirst().finished()) {
      row(waiting.pollFirst());
    }
  }

  /** Writes every remaining row (unfinished jobs too) and renames the file into place. */
  void close() {
    while (!waiting.isEmpty()) {
      row(waiting.pollFirst());
    }
    try {
      out.close();
      AtomicFiles.commit(AtomicFiles.temporary(target), target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Closes and deletes the temporary file after a failed run. */
  void discard() {
    try {
      out.close();
      java.nio.file.Files.deleteIfExists(AtomicFiles.temporary(target));
    } catch (IOException e) {
      // best effort
    }
  }

  private void row(JobRun job) {
    line.setLength(0);
    line.append(Csv.field(job.id)).append(',').append(Csv.field(job.framework.name)).append(',')
        .append(Csv.field(job.framework.role)).append(',').append(job.kind.label()).append(',');
    seconds(job.arrival);
    line.append(',');
    if (job.firstStart >= 0) {
      seconds(job.firstStart);
    }
    line.append(',');
    if (job.finish >= 0) {
      seconds(job.finish);
    }
    line.append(',').append(job.taskCount).append(',').append(job.completed).append(',')
        .append(job.failedAttempts).append(',').append(job.killed).append(',').append(job.outcome.name()).append(',');
    if (job.firstStart >= 0) {
      seconds(job.firstStart - job.arrival);
    }
    line.append(',');
    if (job.finish >= 0) {
      seconds(job.finish - job.arrival);
    }
    line.append(',');
    if (job.uncontendedMicros > 0) {
      Numbers.append(line, job.runMicros / job.uncontendedMicros);
    }
    write(line.toString());
  }

  private void seconds(long micros) {
    Numbers.appendSeconds(line, micros);
  }

  private void write(String text) {
    try {
      out.write(text);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
