package io.offerlab.reports.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.reports.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary tables print counts exactly (results.json's 12112181 offers are 12112181, not 12112200) and label the
 * per-framework CPU column for what it is: CPU-seconds over the makespan.
 */
class ExactTablesTest {
  @Test
  void countsAreExactAndCpuColumnIsLabelled(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("cmp");
    for (String allocator : List.of("static", "drf")) {
      Path run = Fixtures.writeRun(dir.resolve(allocator), allocator, allocator.equals("drf") ? 2.0 : 1.0, 2);
      Path results = run.resolve("results.json");
      String text = Files.readString(results);
      Files.writeString(results, text.replaceFirst("\"made\" : \\d+", "\"made\" : 12112181")
          .replaceFirst("\"launched\" : \\d+", "\"launched\" : 98765432101"));
    }
    new CompareManifest(List.of("static", "drf"), "./offerlab compare", null).write(dir);
    ComparisonReport.render(dir);
    String csv = Files.readString(dir.resolve("summary.csv"));
    String md = Files.readString(dir.resolve("summary.md"));
    assertTrue(csv.contains(",12112181,") && csv.contains(",98765432101,"), csv);
    assertTrue(md.contains("| 12112181 |"), md);
    assertTrue(md.contains("| CPU-s / makespan |"), md);
    String html = Files.readString(dir.resolve("index.html"));
    assertTrue(html.contains("CPU-s / makespan</th>") && html.contains("CPU-seconds held divided by the makespan"),
        "the HTML table labels and explains the column");
  }
}
