package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs record what ran and refuse what cannot run before the first simulation: allocator names and framework keys are
 * checked up front, a failed run leaves nothing behind, stdout and index.html name the resolved cluster, and the
 * usage text is readable.
 */
class RecordAndValidateTest {
  @TempDir
  Path tmp;

  private static String[] small(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(CliRun.SMALL));
    return all.toArray(String[]::new);
  }

  @Test
  void compareChecksEveryAllocatorBeforeTheFirstRun() throws Exception {
    for (String allocators : List.of("static,foo", "foo,static")) {
      Path out = tmp.resolve(allocators.replace(',', '-'));
      CliRun run = CliRun.of(small("compare", "--allocators", allocators, "--out", out.toString()));
      assertEquals(2, run.code(), run.err());
      assertEquals("offerlab: --allocators: unknown allocator 'foo': expected one of "
          + io.offerlab.allocators.Allocators.names(), run.err().strip());
      assertFalse(Files.exists(out), allocators + ": nothing is written, not even an empty folder");
    }
  }

  @Test
  void sweepChecksEveryAllocatorBeforeTheFirstRun() throws Exception {
    Path file = tmp.resolve("sweep.yaml");
    Files.writeString(file, "allocators: [drf, foo]\nworkloads: [synthetic:poisson]\nseeds: 1\n");
    Path out = tmp.resolve("sw");
    CliRun run = CliRun.of("sweep", "--config", file.toString(), "--out", out.toString());
    assertEquals(2, run.code(), run.err());
    assertEquals("offerlab: " + file + ": allocators: unknown allocator 'foo': expected one of "
        + io.offerlab.allocators.Allocators.names(), run.err().strip());
    assertFalse(Files.exists(out.resolve("runs")), "no run started");
  }

  @Test
  void aConfigKeyNamingAnUnknownFrameworkIsAnError() throws Exception {
    Path config = tmp.resolve("c.yaml");
    Files.writeString(config, "frameworks:\n  fw01:\n    tJob: 1s\n  servce:\n    tJob: 2s\n");
    Path out = tmp.resolve("run");
    CliRun run = CliRun.of(small("simulate", "--allocator", "drf", "--config", config.toString(), "--out",
        out.toString()));
    assertEquals(2, run.code(), run.err());
    assertEquals("offerlab: " + config + ": frameworks.servce: expected a framework of workload synthetic:poisson, "
        + "one of [fw01, fw02, fw03], found 'servce'", run.err().strip());
    assertFalse(Files.exists(out), "a failed run leaves no --out folder");

    Path cmp = tmp.resolve("cmp");
    CliRun compare = CliRun.of(small("compare", "--allocators", "drf,static", "--config", config.toString(), "--out",
        cmp.toString()));
    assertEquals(2, compare.code(), compare.err());
    assertEquals(run.err().strip(), compare.err().strip());
    assertFalse(Files.exists(cmp), "a failed comparison leaves no --out folder and no .tmp folders");

    Path file = tmp.resolve("sweep.yaml");
    Files.writeString(file, "allocators: [drf]\nworkloads: [synthetic:poisson]\nworkloadOptions: {synthetic.jobs: 20,"
        + " synthetic.frameworks: 2}\nparameters:\n  frameworks.servce.tJob: [1, 2]\n");
    CliRun sweep = CliRun.of("sweep", "--config", file.toString(), "--out", tmp.resolve("sw").toString());
    assertEquals(2, sweep.code(), sweep.err());
    assertEquals("offerlab: " + file + ": parameters.frameworks.servce.tJob: expected a framework of workload "
        + "synthetic:poisson, one of [fw01, fw02], found 'servce'", sweep.err().strip());
  }

  @Test
  void aFailedRunLeavesNoEmptyOutFolder() throws Exception {
    Path jobs = tmp.resolve("bad.jsonl");
    Files.writeString(jobs, "{\"id\": \"a\", \"framework\": \"f\", \"arrival\": 0, \"tasks\": [{\"cpus\": 1, "
        + "\"memMb\": 10, \"duration\": 5}]}\nnot json\n");
    Path out = tmp.resolve("never");
    CliRun run = CliRun.of("simulate", "--workload", "native:" + jobs, "--allocator", "drf", "--cluster",
        "uniform:2:cpus:4;mem:1024", "--out", out.toString());
    assertEquals(2, run.code(), run.err());
    assertFalse(Files.exists(out), run.err());
  }

  @Test
  void stdoutAndTheReportNameTheResolvedClusterAndAReusedOutWarns() throws Exception {
    Path out = tmp.resolve("cmp");
    CliRun first = CliRun.of(small("compare", "--allocators", "drf,static", "--out", out.toString()));
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("cluster: uniform:6:cpus:4;mem:16384 (6 agents of cpus:4;mem:16384)"),
        first.out());
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("(6 agents of cpus:4;mem:16384)"), "the intro names the agents");
    String effective = html.substring(html.indexOf("Effective configuration"));
    assertTrue(effective.contains("&quot;cluster&quot;: &quot;uniform:6:cpus:4;mem:16384 (6 agents of "
        + "cpus:4;mem:16384)&quot;"), effective);
    assertFalse(effective.contains("uniform:100:cpus:8"), "not the default cluster");

    CliRun again = CliRun.of(small("compare", "--allocators", "drf", "--out", out.toString()));
    assertEquals(0, again.code(), again.err());
    assertEquals("offerlab: warning: " + out + " also holds run folders [static] from another comparison; the report "
        + "shows only [drf]", again.err().strip());

    Path one = tmp.resolve("one");
    CliRun simulate = CliRun.of(small("simulate", "--allocator", "drf", "--out", one.toString()));
    assertEquals(0, simulate.code(), simulate.err());
    assertTrue(simulate.out().contains("cluster: uniform:6:cpus:4;mem:16384 (6 agents of cpus:4;mem:16384)"),
        simulate.out());
  }

  @Test
  void traceConvertWritesWithTheSamePermissionsAsOtherOutputs() throws Exception {
    Path converted = tmp.resolve("w.jsonl");
    CliRun run = CliRun.of("trace", "convert", "--workload", "synthetic:poisson", "--workload-option",
        "synthetic.jobs=5", "--out", converted.toString());
    assertEquals(0, run.code(), run.err());
    Path other = tmp.resolve("other");
    Files.writeString(other, "x");
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(other);
    assertEquals(expected, Files.getPosixFilePermissions(converted));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
    }
  }

  @Test
  void aTruncatedResultsFileIsOneLineWithoutParserInternals() throws Exception {
    Path run = tmp.resolve("run");
    Files.createDirectories(run);
    Files.writeString(run.resolve("results.json"), "{\n  \"offerlab\": \"0.1.0-SNAPSHOT\",\n  \"run\": {\n    \"allo");
    CliRun report = CliRun.of("report", run.toString());
    assertEquals(2, report.code(), report.err());
    assertEquals("offerlab: " + run.resolve("results.json") + ":4: expected valid JSON, found the end of the file "
        + "before it was complete (truncated?)", report.err().strip());
  }

  @Test
  void usageIsReadableAndExamplesAreQuoted() {
    CliRun help = CliRun.of("compare", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--allocators=NAME,NAME..."), help.out());
    assertFalse(help.out().contains("[,NAME") || help.out().contains("[--allocators"), help.out());
    assertTrue(help.out().contains("'uniform:96:cpus:4;mem:15360'"), help.out());
  }
}
