package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.workloads.Traces;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every shared trace sample simulates to the end under {@code drf} through the real command line: the reader, the
 * cluster it implies (or the stated default) and the simulator fit together, and most jobs complete.
 */
class TraceSamplesSimulationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "google2011, google-2011, google2011.machines=300",
      "swf, swf/KTH-SP2-1996-2.1-cln.swf.gz, ''",
      "swim, swim-fb/FB-2009_samples_24_times_1hr_0.tsv, swim.machines=100",
      "alibaba-gpu2023, alibaba-gpu-2023, ''",
  })
  void sampleSimulatesToTheEnd(String format, String sample, String option, @TempDir Path out) throws IOException {
    Path trace = Traces.dir(sample);
    String[] args = option.isEmpty()
        ? new String[] {"simulate", "--workload", format + ":" + trace, "--allocator", "drf", "--out", out.toString()}
        : new String[] {"simulate", "--workload", format + ":" + trace, "--workload-option", option,
            "--allocator", "drf", "--out", out.toString()};
    CliRun run = CliRun.of(args);
    assertEquals(0, run.code(), run.err());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("summary");
    long submitted = summary.get("jobs").get("submitted").asLong();
    long completed = summary.get("jobs").get("completed").asLong();
    assertTrue(submitted > 0, "no jobs read");
    assertTrue(completed >= 0.95 * submitted, completed + " of " + submitted + " jobs completed");
    assertEquals("completed", summary.get("endReason").asText());
  }
}
