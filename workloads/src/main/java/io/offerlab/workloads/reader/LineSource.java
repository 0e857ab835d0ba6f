package io.offerlab.workloads.reader;

import io.offerlab.workloads.WorkloadException;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Reads a trace file line by line as byte ranges, without creating a string per line, and numbers the lines from 1.
 * A trailing carriage return is dropped. Corrupt or truncated compressed data fails with a {@link WorkloadException}
 * naming the file and line.
 */
public final class LineSource implements Closeable {
  /** The longest line accepted; garbage without line breaks fails here instead of exhausting memory. */
  public static final int MAX_LINE = 1 << 24;

  private final InputStream in;
  private final String name;
  private byte[] buf = new byte[1 << 17];
  private int pos;
  private int limit;
  private boolean eof;
  private int start;
  private int end;
  private long line;

  /** Opens {@code path}, sniffing its compression, and names it {@code name} in messages. */
  public LineSource(Path path, String name) {
    this.name = name;
    this.in = TraceInput.open(path, name);
  }

  /** Opens {@code path}, named in messages by its folder and file name. */
  public LineSource(Path path) {
    this(path, TraceInput.displayName(path));
  }

  /** Reads from an already open stream (for tests and generated input). */
  public LineSource(InputStream in, String name) {
    this.name = name;
    this.in = in;
  }

  /** Advances to the next line; returns false at the end of the file. */
  public boolean next() {
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          setLine(pos, i);
          pos = i + 1;
          return true;
        }
      }
      if (eof) {
        if (pos < limit) {
          setLine(pos, limit);
          pos = limit;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private void setLine(int from, int to) {
    line++;
    start = from;
    end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
  }

  private void fill() {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      if (buf.length >= MAX_LINE) {
        throw new WorkloadException(name + ":" + (line + 1) + ": expected a line shorter than "
            + MAX_LINE + " bytes, found '" + Row.clip(new String(buf, 0, 40, StandardCharsets.ISO_8859_1)) + "'");
      }
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    try {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (ZipException | EOFException e) {
      throw new WorkloadException(name + ":" + (line + 1) + ": expected readable compressed data, found a corrupt"
          + " or truncated stream (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }

  /** Returns the buffer holding the current line. */
  public byte[] bytes() {
    return buf;
  }

  /** Returns the offset of the current line's first byte. */
  public int start() {
    return start;
  }

  /** Returns the offset just past the current line's last byte (line break excluded). */
  public int end() {
    return end;
  }

  /** Returns the number of the current line, counting from 1. */
  public long lineNumber() {
    return line;
  }

  /** Returns the current line as text (UTF-8). */
  public String text() {
    return new String(buf, start, end - start, StandardCharsets.UTF_8);
  }

  /** Returns whether the current line is empty or only blanks. */
  public boolean blank() {
    for (int i = start; i < end; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Returns whether the current line's first non-blank byte is {@code c}. */
  public boolean startsWith(char c) {
    for (int i = start; i < end; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        return buf[i] == c;
      }
    }
    return false;
  }

  /** Returns the file's name as used in messages. */
  public String name() {
    return name;
  }

  /** Builds {@code NAME:LINE: expected WHAT, found 'TEXT'} for the current line. */
  public WorkloadException error(String expected, String found) {
    return new WorkloadException(name + ":" + line + ": expected " + expected + ", found '" + Row.clip(found) + "'");
  }

  /** Builds the error for a file with no data row: {@code NAME:LINE: expected WHAT, found end of file}. */
  public WorkloadException emptyError(String expected) {
    return new WorkloadException(name + ":" + (line + 1) + ": expected " + expected + ", found end of file"
        + " (empty trace)");
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
