package io.offerlab.simcore.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CSV of the results files (RFC 4180 quoting), written with {@link #field} and {@link #line} and read back
 * streaming ({@link #forEachRow}) or whole ({@link #read}): a header row and data rows: a header row and data rows (RFC 4180 quoting). Errors name the file, line and column.
 *
 * <p>Quoted fields may not span lines: the results files never write newlines inside a field.
 */
public final class Csv {
  private final String file;
  private final List<String> header;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String[]> rows;
  private final List<Integer> lines;

  private Csv(String file, List<String> header, List<String[]> rows, List<Integer> lines) {
    this.file = file;
    this.header = List.copyOf(header);
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(header.get(i), i);
    }
    this.rows = rows;
    this.lines = lines;
  }

  /** Receives the rows of a CSV file as they are read. */
  @FunctionalInterface
  public interface RowHandler {
    /** Handles one data row; {@code line} counts from 1 in the file, fields are as many as the header's. */
    void row(int line, String[] fields);
  }

  /**
   * Streams a CSV file: returns the header after handing every data row to {@code rows}, so that large files are
   * never held as text. A missing file, an empty file or a row with the wrong field count fails with its line.
   */
  public static List<String> forEachRow(Path path, Consumer<List<String>> header,
      RowHandler rows) {
    String name = path.toString();
    List<String> columns = null;
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isEmpty()) {
          continue;
        }
        List<String> fields = split(line, name, lineNumber);
        if (columns == null) {
          columns = List.copyOf(fields);
          header.accept(columns);
          continue;
        }
        if (fields.size() != columns.size()) {
          throw new ResultsException(String.format(Locale.ROOT, "%s:%d: expected %d fields as in the header, found %d",
              name, lineNumber, columns.size(), fields.size()));
        }
        rows.row(lineNumber, fields.toArray(String[]::new));
      }
    } catch (NoSuchFileException e) {
      throw new ResultsException(name + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (columns == null) {
      throw new ResultsException(name + ":1: expected a header row, found an empty file");
    }
    return columns;
  }

  /** Reads a CSV file with a header row whole; a missing file or a row of the wrong length fails naming its line. */
  public static Csv read(Path path) {
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> header = forEachRow(path, h -> { }, (line, fields) -> {
      rows.add(fields);
      lines.add(line);
    });
    return new Csv(path.toString(), header, rows, lines);
  }

  /** Parses a numeric field; empty is NaN, anything else that is not a number fails naming the file and line. */
  public static double parse(String file, int line, List<String> header, int column, String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new ResultsException(String.format(Locale.ROOT, "%s:%d: expected a number in column %d (%s), found '%s'",
          file, line, column + 1, header.get(column), t));
    }
  }

  /** Returns the file name used in error messages. */
  public String file() {
    return file;
  }

  /** Returns the column names in file order. */
  public List<String> header() {
    return header;
  }

  /** Returns the number of data rows. */
  public int size() {
    return rows.size();
  }

  /** Returns whether the header has the column. */
  public boolean has(String column) {
    return index.containsKey(column);
  }

  /** Returns the column's index, failing with a message naming the file when it is missing. */
  public int column(String column) {
    Integer i = index.get(column);
    if (i == null) {
      throw new ResultsException(file + ":1: expected a column named '" + column + "' in the header");
    }
    return i;
  }

  /** Returns the text of a field (row counts from 0 over data rows). */
  public String text(int row, int column) {
    return rows.get(row)[column];
  }

  /** Returns a numeric field; an empty field is NaN and anything else that is not a number fails with its line. */
  public double number(int row, int column) {
    return parse(file, lines.get(row), header, column, rows.get(row)[column]);
  }

  /** Returns the line in the file of a data row (row counts from 0). */
  public int line(int row) {
    return lines.get(row);
  }

  /** Returns a whole numeric column (NaN for empty fields). */
  public double[] numbers(String column) {
    int c = column(column);
    double[] values = new double[rows.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = number(r, c);
    }
    return values;
  }

  /** Joins fields into one CSV line (without the line break), quoting where needed. */
  public static String line(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    return out.toString();
  }

  /** Returns {@code value} as a CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
  public static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static List<String> split(String line, String file, int lineNumber) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == '\r' && i == line.length() - 1) {
        break;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new ResultsException(file + ":" + lineNumber + ": expected a closing quote before the end of the line");
    }
    fields.add(field.toString());
    return fields;
  }
}
