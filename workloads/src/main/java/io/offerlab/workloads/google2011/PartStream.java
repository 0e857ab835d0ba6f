package io.offerlab.workloads.google2011;

import io.offerlab.workloads.WorkloadException;
import io.offerlab.workloads.reader.BadRows;
import io.offerlab.workloads.reader.Column;
import io.offerlab.workloads.reader.LineSource;
import io.offerlab.workloads.reader.Row;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of one event table read across its part files in order, with timestamps checked to never decrease.
 * Each row is parsed whole by a {@link RowParser} before it is used, so that a bad row is skipped atomically.
 */
final class PartStream implements AutoCloseable {
  /** Parses every field of a row into the caller's fields; throws {@link WorkloadException} on a bad field. */
  interface RowParser {
    void parse(Row row, long time);
  }

  private final Iterator<Path> files;
  private final int fields;
  private final Column timeColumn;
  private final BadRows badRows;
  private final RowParser parser;
  private final String what;
  private LineSource src;
  private Row row;
  private long lastTime;
  private long rows;
  private boolean hasRow;
  private long time;

  /** Reads {@code files}; when {@code what} is not null, a table with no row at all fails as an empty trace. */
  PartStream(List<Path> files, int fields, Column timeColumn, BadRows badRows, RowParser parser, String what) {
    this.files = files.iterator();
    this.fields = fields;
    this.timeColumn = timeColumn;
    this.badRows = badRows;
    this.parser = parser;
    this.what = what;
  }

  /** Advances to the next good row and parses it; returns false when every part is exhausted. */
  boolean advance() {
    while (true) {
      if (src == null) {
        if (!files.hasNext()) {
          hasRow = false;
          return false;
        }
        src = new LineSource(files.next());
        row = Row.separatedBy(src, ',');
      }
      if (!src.next()) {
        LineSource done = src;
        src = null;
        done.close();
        if (rows == 0 && !files.hasNext() && what != null) {
          throw done.emptyError(what);
        }
        continue;
      }
      rows++;
      try {
        row.split();
        row.requireFields(fields);
        long t = row.parseLong(timeColumn);
        if (t < 0) {
          throw row.error(timeColumn, "a non-negative timestamp");
        }
        if (t < lastTime) {
          throw row.error(timeColumn, "a timestamp of at least " + lastTime + " (rows are sorted by time)");
        }
        parser.parse(row, t);
        lastTime = t;
        time = t;
        hasRow = true;
        return true;
      } catch (WorkloadException e) {
        badRows.handle(e);
      }
    }
  }

  /** Returns whether a parsed row is waiting. */
  boolean hasRow() {
    return hasRow;
  }

  /** Returns the waiting row's timestamp. */
  long time() {
    return time;
  }

  /** Returns the waiting row, to read text fields it did not parse. */
  Row row() {
    return row;
  }

  /** Returns the rows read, good or bad. */
  long rows() {
    return rows;
  }

  @Override
  public void close() {
    if (src != null) {
      src.close();
      src = null;
    }
  }
}
