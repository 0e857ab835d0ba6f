package io.offerlab.simcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.simcore.results.Csv;
import io.offerlab.simcore.results.Numbers;
import io.offerlab.simcore.results.Results;
import io.offerlab.simcore.results.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * results.json has one writer and one reader, and they agree: a file a simulation wrote, read into the typed records
 * and written again, gives the same bytes; so does a hand-made record with the awkward values (no data, GPUs, counts
 * beyond 6 digits, tiny and huge doubles). The CSV files read and re-rendered (numbers parsed and formatted again)
 * give the same bytes too.
 */
class ResultsRoundTripTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"drf", "static", "priority"})
  void aSimulatedFileReadsAndRendersToTheSameBytes(String allocator, @TempDir Path dir) throws IOException {
    Fixtures.run(MixedWorkload.CONFIG, MixedWorkload.jobs(3, 80), allocator, MixedWorkload.CLUSTER, 1, dir);
    Path file = dir.resolve("results.json");
    Results read = ResultsJson.read(file);
    assertEquals(Files.readString(file), ResultsJson.render(read));
    assertEquals(List.of(new Results.AgentGroup(24, "cpus:8;mem:32768")), read.run().agentGroups());
    assertEquals(allocator, read.run().allocator());

    for (String name : List.of("timeseries.csv", "jobs.csv")) {
      Csv csv = Csv.read(dir.resolve(name));
      StringBuilder again = new StringBuilder(Csv.line(csv.header())).append('\n');
      for (int r = 0; r < csv.size(); r++) {
        List<String> fields = new ArrayList<>();
        for (int c = 0; c < csv.header().size(); c++) {
          String text = csv.text(r, c);
          String column = csv.header().get(c);
          boolean number = name.equals("timeseries.csv") ? !column.equals("time_s") : column.equals("slowdown");
          fields.add(number && !text.isEmpty() ? Numbers.format(csv.number(r, c)) : text);
        }
        again.append(Csv.line(fields)).append('\n');
      }
      assertEquals(Files.readString(dir.resolve(name)), again.toString(), name + ": read and re-rendered");
    }
  }

  @Test
  void awkwardValuesRoundTrip(@TempDir Path dir) {
    Results.Distribution none = Results.Distribution.EMPTY;
    Results.Distribution some = new Results.Distribution(1.5e-7, 123456.5, 6.39e-304, 1.79769e308);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("refuseSeconds", 5.0);
    options.put("minAllocatable", List.of("cpus:0.01", "mem:32"));
    options.put("partitions", Map.of("a", Map.of("agents", 24L)));
    Results results = new Results("0.1.0-SNAPSHOT",
        new Results.Run("drf", options, "swf:x.swf", "trace", 3, List.of(new Results.AgentGroup(2, "cpus:8;gpus:1"),
            new Results.AgentGroup(1, "cpus:16")), 7, Map.of("cluster", "uniform:1:cpus:1")),
        new Results.Summary(29381353.6, new Results.Utilisation(0.5, 0.25, 1e-5),
            new Results.Utilisation(0.1, 0.1, 0), new Results.Utilisation(Double.NaN, 0, 0),
            new Results.JobCounts(12_112_181, 12_112_000, 100, 1, 80), new Results.TaskCounts(1L << 40, 3, 2, 1, 0),
            some, none, 0.93, new Results.OfferCounts(12_112_181, 1, 2, 3), 0, "completed",
            new Results.Probes(0.25, 1, Double.NaN, 40)),
        new Results.Isolation("shares", "limit", 1e20, 0.0001, 0, 2, none),
        List.of(new Results.Framework("a", "a", 1, 1, 0, 2, 2, 0, 0, 0, 0.3, 0.45, 80.2, 9e5, 9e5, 1e-4, 0, 0,
            Map.of("memory-limit", 2L), some, none, none, new Results.Probes(0.5, 0.75, 1, 4), 12.5)), 0);
    ResultsJson.write(dir, results);
    String text = ResultsJson.render(results);
    Results read = ResultsJson.read(dir.resolve("results.json"));
    assertEquals(text, ResultsJson.render(read));
    assertEquals(12_112_181, read.summary().offers().made(), "counts are exact");
    assertTrue(text.contains("\"made\": 12112181"), text);
    assertTrue(text.contains("\"mean\": 1.5e-7"), text);
    assertTrue(text.contains("\"p50\": 123456,"), "half-even: " + text);
    assertTrue(Double.isNaN(read.summary().jobWaitSeconds().mean()), "null reads as NaN");
    assertNull(new Results.Summary(0, null, null, null, null, null, none, none, 0, null, 0, "", null).gpus());
    assertEquals(0.25, read.summary().probes().sharingIncentive());
    assertEquals(4, read.frameworks().get(0).probes().samples());
  }
}
