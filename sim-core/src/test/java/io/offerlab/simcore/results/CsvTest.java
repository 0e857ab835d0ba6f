package io.offerlab.simcore.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader and the number format of the results files; bad rows fail naming the file, line and column. */
class CsvTest {
  @TempDir
  Path tmp;

  @Test
  void quotedFieldsRoundTrip() throws Exception {
    Path file = tmp.resolve("a.csv");
    List<String> fields = List.of("plain", "with,comma", "with \"quote\"", "");
    Files.writeString(file, "a,b,c,d\n" + Csv.line(fields) + "\n");
    Csv csv = Csv.read(file);
    assertEquals(1, csv.size());
    for (int i = 0; i < fields.size(); i++) {
      assertEquals(fields.get(i), csv.text(0, i));
    }
    assertTrue(Double.isNaN(csv.number(0, 3)), "an empty field is NaN");
  }

  @Test
  void badRowsNameTheFileAndLine() throws Exception {
    Path file = tmp.resolve("b.csv");
    Files.writeString(file, "x,y\n1,2\n3\n");
    assertEquals(file + ":3: expected 2 fields as in the header, found 1",
        assertThrows(ResultsException.class, () -> Csv.read(file)).getMessage());
    Files.writeString(file, "x,y\n1,\"2\n");
    assertEquals(file + ":2: expected a closing quote before the end of the line",
        assertThrows(ResultsException.class, () -> Csv.read(file)).getMessage());
    Files.writeString(file, "x,y\n1,2\n");
    assertEquals(file + ":1: expected a column named 'z' in the header",
        assertThrows(ResultsException.class, () -> Csv.read(file).column("z")).getMessage());
    Path jobs = tmp.resolve("jobs.csv");
    Files.writeString(jobs, "job_id,framework,role,kind,arrival_s,first_start_s,finish_s,tasks,tasks_completed,"
        + "tasks_failed,tasks_killed,outcome,wait_s,jct_s\nj1,f,f,batch,0,1,2,3,3,0,0,DONE,1,2\n");
    assertEquals(jobs + ":2: expected COMPLETED, FAILED, KILLED or UNFINISHED in column 12 (outcome), found 'DONE'",
        assertThrows(ResultsException.class, () -> JobRecord.read(jobs)).getMessage());
    Path results = tmp.resolve("results.json");
    Files.writeString(results, "{\"run\": {}}");
    assertEquals(results + ": expected field run.allocator to name the allocator",
        assertThrows(ResultsException.class, () -> ResultsJson.read(results)).getMessage());
    Files.writeString(results, "{\"run\": \n ");
    assertEquals(results + ":2: expected valid JSON, found the end of the file before it was complete (truncated?)",
        assertThrows(ResultsException.class, () -> ResultsJson.read(results)).getMessage());
    Files.writeString(results, "{\"run\": {\"allocator\": \"drf\",\n  \"seed\": 1,\n  \"workload\"");
    assertEquals(results + ":3: expected valid JSON, found the end of the file before it was complete (truncated?)",
        assertThrows(ResultsException.class, () -> ResultsJson.read(results)).getMessage());
    Files.writeString(results, "{\"run\": {\"allocator\": drf}}");
    String message = assertThrows(ResultsException.class, () -> ResultsJson.read(results)).getMessage();
    assertTrue(message.startsWith(results + ":1: expected valid JSON: Unrecognized token 'drf'"), message);
    assertTrue(!message.contains("Source") && !message.contains("jackson") && !message.contains("\n"), message);
  }

  @Test
  void numbersHaveAtMostSixSignificantDigits() {
    assertEquals("0.333333", Numbers.format(1.0 / 3));
    assertEquals("1234.57", Numbers.format(1234.5678));
    assertEquals("60", Numbers.format(60.0));
    assertEquals("1234570", Numbers.format(1234567.0));
    assertEquals("1e-7", Numbers.format(1e-7));
    assertEquals("", Numbers.format(Double.NaN));
    assertEquals("-2.5", Numbers.format(-2.5));
    assertEquals("71.3%", Numbers.percent(0.7129));
  }
}
