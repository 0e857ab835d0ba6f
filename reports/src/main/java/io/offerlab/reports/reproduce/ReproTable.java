package io.offerlab.reports.reproduce;

import io.offerlab.simcore.results.AtomicFiles;
import io.offerlab.simcore.results.Csv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One table of a reproduction: written as {@code NAME.csv} and rendered as Markdown (with its title and note) for the
 * reproduction's {@code README.md}.
 *
 * @param name the file name without extension
 * @param title the table's title
 * @param header the column names
 * @param rows the rows, already formatted
 * @param note what the table shows and how it was measured
 */
public record ReproTable(String name, String title, List<String> header, List<List<String>> rows, String note) {
  /** Copies the lists. */
  public ReproTable {
    header = List.copyOf(header);
    List<List<String>> copy = new ArrayList<>();
    rows.forEach(r -> copy.add(List.copyOf(r)));
    rows = List.copyOf(copy);
  }

  /** Writes {@code NAME.csv} into {@code dir}. */
  public void writeCsv(Path dir) {
    StringBuilder out = new StringBuilder(Csv.line(header)).append('\n');
    rows.forEach(r -> out.append(Csv.line(r)).append('\n'));
    AtomicFiles.write(dir.resolve(name + ".csv"), out.toString());
  }

  /** Returns the table as Markdown: a level-2 title, the note, the table. */
  public String markdown() {
    StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
    if (!note.isEmpty()) {
      out.append(note).append("\n\n");
    }
    row(out, header);
    row(out, header.stream().map(h -> "---").toList());
    rows.forEach(r -> row(out, r));
    return out.append('\n').toString();
  }

  private static void row(StringBuilder out, List<String> fields) {
    out.append('|');
    for (String f : fields) {
      out.append(' ').append(f.isEmpty() ? " " : f.replace("|", "\\|")).append(" |");
    }
    out.append('\n');
  }
}
