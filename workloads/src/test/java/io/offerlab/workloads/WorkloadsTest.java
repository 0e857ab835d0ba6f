package io.offerlab.workloads;

import static io.offerlab.workloads.ReaderFixtures.pairs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadsTest {
  @TempDir
  Path tmp;

  /** Six jobs at 0, 10, 20, 30, 40 and 50 s from two users; job ids j0..j5. */
  private String nativeFile() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sb.append("{\"id\": \"j").append(i).append("\", \"framework\": \"").append(i % 2 == 0 ? "alice" : "bob")
          .append("\", \"priority\": ").append(i % 3).append(", \"arrival\": ").append(i * 10)
          .append(", \"tasks\": [{\"cpus\": 1, \"memMb\": 100, \"duration\": 15}]}\n");
    }
    return Files.writeString(tmp.resolve("jobs.jsonl"), sb.toString()).toString();
  }

  private static List<Job> read(String spec, Map<String, String> options) {
    try (Workload w = Workloads.open(spec, options)) {
      return w.jobs().toList();
    }
  }

  @Test
  void formatsAreListedInOrder() {
    assertEquals(List.of("google2011", "swf", "swim", "alibaba-gpu2023", "native", "synthetic"), Workloads.formats());
  }

  @Test
  void badSpecsFailWithOneLineMessages() {
    assertEquals("unknown workload format 'csv' in 'csv:x'; known formats: google2011, swf, swim, alibaba-gpu2023,"
        + " native, synthetic", assertThrows(WorkloadException.class, () -> Workloads.open("csv:x", null))
        .getMessage());
    assertEquals("workload spec 'trace.swf': expected FORMAT:PATH with FORMAT one of google2011, swf, swim,"
        + " alibaba-gpu2023, native, synthetic", assertThrows(WorkloadException.class,
            () -> Workloads.open("trace.swf", null)).getMessage());
    assertEquals("swf: no such file or directory: /no/such.swf", assertThrows(WorkloadException.class,
        () -> Workloads.open("swf:/no/such.swf", Map.of())).getMessage());
  }

  @Test
  void unknownOptionKeysAreErrorsNamingTheKey() throws IOException {
    String spec = "native:" + nativeFile();
    WorkloadException e = assertThrows(WorkloadException.class,
        () -> Workloads.open(spec, pairs("limt", "3")));
    assertTrue(e.getMessage().startsWith("unknown workload option 'limt' for format native; known options: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("limit"));
    assertThrows(WorkloadException.class, () -> Workloads.open("synthetic:mesos-paper",
        pairs("synthetic.jobs", "10")));
    assertEquals("option limit: expected a positive integer, found '-2'", assertThrows(WorkloadException.class,
        () -> Workloads.open(spec, pairs("limit", "-2"))).getMessage());
  }

  @Test
  void windowKeepsArrivalsInRangeAndShiftsThemToZero() throws IOException {
    List<Job> jobs = read("native:" + nativeFile(), pairs("window", "10:40"));
    assertEquals(List.of("j1", "j2", "j3"), jobs.stream().map(Job::id).toList());
    assertEquals(List.of(0L, 10_000_000L, 20_000_000L), jobs.stream().map(Job::arrivalMicros).toList());
    assertEquals(List.of("j4", "j5"), read("native:" + nativeFile(), pairs("window", "35:")).stream().map(Job::id)
        .toList());
  }

  @Test
  void limitAndRateScaleCompose() throws IOException {
    List<Job> jobs = read("native:" + nativeFile(), pairs("limit", "3", "rateScale", "2"));
    assertEquals(List.of(0L, 5_000_000L, 10_000_000L), jobs.stream().map(Job::arrivalMicros).toList());
    assertEquals(15_000_000, jobs.get(2).tasks().get(0).durationMicros());
  }

  @Test
  void samplingIsSeededAndKeepsAboutTheFraction() {
    Map<String, String> o = pairs("synthetic.jobs", "4000", "sample", "0.25", "seed", "3");
    List<Job> a = read("synthetic:poisson", o);
    assertEquals(a, read("synthetic:poisson", o));
    assertEquals(1000, a.size(), 100);
    List<Job> other = read("synthetic:poisson", pairs("synthetic.jobs", "4000", "sample", "0.25", "seed", "4"));
    assertTrue(!a.equals(other));
  }

  @Test
  void frameworkByAndRoleByRenameFromAttributes() throws IOException {
    String spec = "native:" + nativeFile();
    List<Job> byPriority = read(spec, pairs("frameworkBy", "priority"));
    assertEquals(List.of("priority-0", "priority-1", "priority-2"), byPriority.stream().map(Job::framework)
        .distinct().sorted().toList());
    // The role follows the framework when the format has no role of its own.
    assertTrue(byPriority.stream().allMatch(j -> j.role().equals(j.framework())));
    List<Job> roles = read(spec, pairs("roleBy", "format"));
    assertTrue(roles.stream().allMatch(j -> j.role().equals("native")));
    assertEquals(WorkloadException.class, assertThrows(WorkloadException.class,
        () -> read(spec, pairs("frameworkBy", "user"))).getClass());
  }

  @Test
  void aFrameworkSeenUnderTwoRolesIsSplit() throws IOException {
    List<Job> jobs = read("native:" + nativeFile(), pairs("roleBy", "priority"));
    Map<String, java.util.Set<String>> rolesOf = jobs.stream().collect(Collectors.groupingBy(Job::framework,
        Collectors.mapping(Job::role, Collectors.toSet())));
    assertTrue(rolesOf.values().stream().allMatch(s -> s.size() == 1), rolesOf.toString());
    assertEquals("alice@priority-2", jobs.get(2).framework());
  }

  @Test
  void jobsMayBeStreamedOnceAndCloseTheWorkload() throws IOException {
    Workload w = Workloads.open("native:" + nativeFile(), Map.of());
    try (var s = w.jobs()) {
      assertEquals(6, s.count());
    }
    assertThrows(IllegalStateException.class, w::jobs);
    w.close();
  }

  @Test
  void aWindowWithNoJobsIsAOneLineError() throws IOException {
    String spec = "native:" + nativeFile();
    WorkloadException e = assertThrows(WorkloadException.class, () -> read(spec, pairs("window", "100:200")));
    assertEquals(spec + ": no jobs (the trace has none, or the window and sample options removed them all)",
        e.getMessage());
  }

  @Test
  void skippedRowsAreReported() throws IOException {
    Path f = Files.writeString(tmp.resolve("bad.jsonl"), "{\"id\": \"a\", \"framework\": \"f\", \"arrival\": 0,"
        + " \"tasks\": [{\"cpus\": 1, \"memMb\": 1, \"duration\": 1}]}\nnot json\n");
    try (Workload w = Workloads.open("native:" + f, pairs("skipBadRows", "true"))) {
      assertEquals(1, w.jobs().count());
      assertEquals(1, w.skipped().skippedRows());
      assertEquals(2, w.skipped().rowsRead());
      assertTrue(w.skipped().skippedExamples().get(0).endsWith("bad.jsonl:2: expected a JSON object, found"
          + " 'not json'"));
    }
  }

  @Test
  void modelRecordsRejectBadValues() {
    assertThrows(IllegalArgumentException.class, () -> ResourceShape.of(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> ResourceShape.of(Double.NaN, 0));
    assertThrows(IllegalArgumentException.class, () -> TaskSpec.of(ResourceShape.ZERO, -1));
    assertThrows(IllegalArgumentException.class, () -> new TaskSpec(ResourceShape.ZERO, 1,
        List.of(new UsagePoint(5, 1, 1), new UsagePoint(5, 1, 1))));
    assertThrows(IllegalArgumentException.class, () -> new Job("j", "f", null, 0, 0, JobKind.BATCH, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new AgentGroup(0, ResourceShape.ZERO));
    assertEquals("f", new Job("j", "f", null, 0, 0, JobKind.BATCH, List.of(TaskSpec.of(ResourceShape.ZERO, 1)))
        .role());
  }
}
