package io.offerlab.workloads.google2011;

import static io.offerlab.workloads.ReaderFixtures.options;
import static io.offerlab.workloads.ReaderFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.workloads.Fuzz;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ReaderFixtures;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.Traces;
import io.offerlab.workloads.WorkloadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Google2011ReaderTest {
  /**
   * Job 100 (production) runs from time 0 and never ends; its first row has missing info and empty requests. Job 200
   * (free) is evicted after 3 s, resubmitted, and finishes after a second attempt of 10 s. Job 300 (batch) has a task
   * that never runs and one that runs 2 s. The data ends at 20 s.
   */
  static final String TASKS = """
      0,2,100,0,,0,userA,3,9,,,,
      0,,100,0,m1,1,userA,3,9,0.125,0.25,0.001,0
      1000000,,200,0,,0,userB,1,0,0.0625,0.03125,,0
      2000000,,200,0,m2,1,userB,1,0,0.0625,0.03125,,0
      3000000,,300,0,,0,userC,2,4,0.5,0.5,0.5,1
      3000000,,300,1,,0,userC,2,4,0.5,0.5,0.5,1
      4000000,,300,1,m4,1,userC,2,4,0.5,0.5,0.5,1
      5000000,,200,0,m2,2,userB,1,0,0.0625,0.03125,,0
      5000000,,200,0,,0,userB,1,0,0.0625,0.03125,,0
      6000000,,300,1,m4,4,userC,2,4,0.5,0.5,0.5,1
      7000000,,200,0,m3,1,userB,1,0,0.0625,0.03125,,0
      17000000,,200,0,m3,4,userB,1,0,0.0625,0.03125,,0
      20000000,,300,0,,7,userC,2,4,0.5,0.5,0.5,1
      """;

  static final String JOBS = """
      0,,100,0,userA,3,name100,logical100
      1000000,,200,0,userB,1,name200,logical200
      3000000,,300,0,userC,2,name300,logical300
      6000000,,300,4,userC,2,name300,logical300
      17000000,,200,4,userB,1,name200,logical200
      """;

  @TempDir
  Path tmp;

  private Path write(String name, String text) {
    return ReaderFixtures.write(tmp.resolve(name), text);
  }

  @Test
  void resubmissionIsOneTaskWhoseDurationIsItsLastAttempt() {
    Path f = write("task_events-part-00000.csv", TASKS);
    List<Job> jobs = readAll(new Google2011Reader(f.toString(), options()));
    assertEquals(List.of("100", "200", "300"), jobs.stream().map(Job::id).toList());
    Job prod = jobs.get(0);
    assertEquals("production", prod.role());
    assertEquals("production", prod.framework());
    assertEquals(JobKind.SERVICE, prod.kind());
    assertEquals(9, prod.priority());
    // Normalized 0.125 CPU, 0.25 memory, 0.001 disk of a 16-core, 64 GB, 1 TiB machine; still running at 20 s.
    assertEquals(List.of(TaskSpec.of(new ResourceShape(2, 16384, 1048.576, 0), 20_000_000)), prod.tasks());
    Job free = jobs.get(1);
    assertEquals("free", free.role());
    assertEquals(JobKind.BATCH, free.kind());
    assertEquals(1_000_000, free.arrivalMicros());
    assertEquals(List.of(TaskSpec.of(ResourceShape.of(1, 2048), 10_000_000)), free.tasks());
    Job batch = jobs.get(2);
    assertEquals("batch", batch.role());
    assertEquals(List.of(TaskSpec.of(new ResourceShape(8, 32768, 524288, 0), 2_000_000)), batch.tasks());
  }

  @Test
  void attemptsSumAddsEveryAttempt() {
    Path f = write("task_events-part-00000.csv", TASKS);
    List<Job> jobs = readAll(new Google2011Reader(f.toString(), options("google2011.attempts", "sum")));
    assertEquals(13_000_000, jobs.get(1).tasks().get(0).durationMicros());
  }

  @Test
  void unfinishedTasksAreTruncatedDroppedOrUnbounded() {
    Path f = write("task_events-part-00000.csv", TASKS);
    Google2011Reader dropping = new Google2011Reader(f.toString(), options("google2011.unfinished", "drop"));
    List<Job> dropped = readAll(dropping);
    assertEquals(List.of("200", "300"), dropped.stream().map(Job::id).toList());
    assertEquals(1L, dropping.stats().counters().get("google2011.jobsEmpty"));
    List<Job> unbounded = readAll(new Google2011Reader(f.toString(),
        options("google2011.unfinished", "unbounded")));
    assertTrue(unbounded.get(0).tasks().get(0).unbounded());
  }

  @Test
  void machineSizeOptionsScaleRequests() {
    Path f = write("task_events-part-00000.csv", TASKS);
    List<Job> jobs = readAll(new Google2011Reader(f.toString(),
        options("google2011.machineCpus", "32", "google2011.machineMemMb", "1000")));
    assertEquals(ResourceShape.of(2, 31.25), jobs.get(1).tasks().get(0).request());
  }

  @Test
  void countersReportWhatWasDropped() {
    Path f = write("task_events-part-00000.csv", TASKS);
    Google2011Reader r = new Google2011Reader(f.toString(), options());
    readAll(r);
    Map<String, Long> c = r.stats().counters();
    assertEquals(13L, c.get("google2011.taskEvents"));
    assertEquals(1L, c.get("google2011.tasksNeverRan"));
    assertEquals(1L, c.get("google2011.tasksUnfinished"));
    assertEquals(1L, c.get("google2011.tasksResubmitted"));
    assertEquals(13L, r.stats().rowsRead());
  }

  @Test
  void jobEventsEndJobsSoTheyStreamBeforeTheEnd() {
    write("task_events-part-00000.csv", TASKS.replace("0,2,100,0,,0,userA,3,9,,,,\n0,,100,0,m1,1,userA,3,9,"
        + "0.125,0.25,0.001,0\n", ""));
    write("job_events-part-00000.csv", JOBS.replace("0,,100,0,userA,3,name100,logical100\n", ""));
    Google2011Reader r = new Google2011Reader(tmp.toString(), options());
    Job first = r.next();
    assertEquals("200", first.id());
    // Job 200 ended at 17 s, before the data ends at 20 s, and job 300 (ended at 6 s) waits behind it.
    assertEquals("300", r.next().id());
    assertNull(r.next());
    r.close();
  }

  @Test
  void aJobOpenLongerThanTheHorizonIsFlushedAndItsLaterEventsIgnored() {
    String text = """
        0,,1,0,,0,u,0,2,0.1,0.1,0,0
        0,,1,0,m,1,u,0,2,0.1,0.1,0,0
        1000000,,2,0,,0,u,0,2,0.1,0.1,0,0
        1000000,,2,0,m,1,u,0,2,0.1,0.1,0,0
        2000000,,2,0,m,4,u,0,2,0.1,0.1,0,0
        12000000,,3,0,,0,u,0,2,0.1,0.1,0,0
        13000000,,1,0,m,4,u,0,2,0.1,0.1,0,0
        14000000,,3,0,m,1,u,0,2,0.1,0.1,0,0
        15000000,,3,0,m,4,u,0,2,0.1,0.1,0,0
        """;
    Path f = write("task_events-part-00000.csv", text);
    Google2011Reader r = new Google2011Reader(f.toString(), options("google2011.horizonSeconds", "10"));
    List<Job> jobs = readAll(r);
    assertEquals(List.of("1", "2", "3"), jobs.stream().map(Job::id).toList());
    // Flushed when the row at 12 s came: it ran from 0 to the last time read before, 2 s.
    assertEquals(2_000_000, jobs.get(0).tasks().get(0).durationMicros());
    assertEquals(1L, r.stats().counters().get("google2011.jobsAtHorizon"));
    assertEquals(1L, r.stats().counters().get("google2011.lateEvents"));
  }

  @Test
  void farApartTaskIndexesKeepTheirOrder() {
    StringBuilder sb = new StringBuilder();
    for (int index : new int[] {3, 5_000_000, 0, 4000, 2}) {
      sb.append("0,,7,").append(index).append(",,0,u,0,2,0.01,0.01,0,0\n");
      sb.append("0,,7,").append(index).append(",m,1,u,0,2,0.01,0.01,0,0\n");
    }
    for (int index : new int[] {0, 2, 3, 4000, 5_000_000}) {
      sb.append(index + 1).append(",,7,").append(index).append(",m,4,u,0,2,0.01,0.01,0,0\n");
    }
    Path f = write("task_events-part-00000.csv", sb.toString());
    Job job = readAll(new Google2011Reader(f.toString(), options())).get(0);
    // Task durations equal index + 1 us, so their order shows the index order.
    assertEquals(List.of(1L, 3L, 4L, 4001L, 5_000_001L), job.tasks().stream().map(TaskSpec::durationMicros)
        .toList());
  }

  @Test
  void malformedRowsNameFileLineAndColumn() {
    Path f = write("task_events-part-00000.csv", TASKS.replace("1000000,,200,0,,0,userB,1,0,0.0625",
        "1000000,,200,0,,0,userB,1,0,x0.0625"));
    WorkloadException e = assertThrows(WorkloadException.class,
        () -> readAll(new Google2011Reader(f.toString(), options())));
    assertEquals(tmp.getFileName() + "/task_events-part-00000.csv:3: expected a number in column 10 (CPU request),"
        + " found 'x0.0625'", e.getMessage());
  }

  @Test
  void decreasingTimestampsAreBadRows() {
    Path f = write("task_events-part-00000.csv", "5,,1,0,,0,u,0,2,0.1,0.1,0,0\n4,,1,0,,1,u,0,2,0.1,0.1,0,0\n");
    WorkloadException e = assertThrows(WorkloadException.class,
        () -> readAll(new Google2011Reader(f.toString(), options())));
    assertTrue(e.getMessage().endsWith(":2: expected a timestamp of at least 5 (rows are sorted by time) in column 1"
        + " (timestamp (us)), found '4'"), e.getMessage());
  }

  @Test
  void skipBadRowsCountsAndContinues() {
    Path f = write("task_events-part-00000.csv", TASKS.replace("3000000,,300,1,,0,userC,2,4,0.5,0.5,0.5,1",
        "3000000,,300,1,,0,userC,2,4,0.5,0.5"));
    Google2011Reader r = new Google2011Reader(f.toString(), options("skipBadRows", "true"));
    List<Job> jobs = readAll(r);
    assertEquals(1, r.stats().skippedRows());
    assertTrue(r.stats().skippedExamples().get(0).contains(":6: expected 13 fields"));
    // Task 1 of job 300 lost its SUBMIT row: its SCHEDULE starts it (as for tasks already running when a trace
    // starts), so it still runs 2 s.
    assertEquals(List.of("100", "200", "300"), jobs.stream().map(Job::id).toList());
    assertEquals(2_000_000, jobs.get(2).tasks().get(0).durationMicros());
  }

  @Test
  void emptyTraceAndMissingFilesFailInOneLine() {
    Path f = write("task_events-part-00000.csv", "");
    WorkloadException e = assertThrows(WorkloadException.class,
        () -> new Google2011Reader(f.toString(), options()));
    assertTrue(e.getMessage().endsWith("task_events-part-00000.csv:1: expected a task_events row, found end of file"
        + " (empty trace)"), e.getMessage());
    assertEquals("google2011: no such file or directory: /nonexistent/x",
        assertThrows(WorkloadException.class, () -> new Google2011Reader("/nonexistent/x", options())).getMessage());
    Path empty = tmp.resolve("emptydir");
    empty.toFile().mkdir();
    assertTrue(assertThrows(WorkloadException.class, () -> new Google2011Reader(empty.toString(), options()))
        .getMessage().startsWith("google2011: no task_events files in "));
  }

  @Test
  void machineEventsGiveTheClusterHint() {
    write("task_events-part-00000.csv", TASKS);
    write("machine_events-part-00000.csv", """
        0,5,0,p1,0.5,0.5
        0,6,0,p1,0.5,0.5
        0,7,0,p2,1,1
        10,5,1,p1,0.5,0.5
        20,5,0,p1,0.5,0.5
        30,8,0,p1,,
        """);
    try (Google2011Reader r = new Google2011Reader(tmp.toString(), options())) {
      assertEquals(List.of(new io.offerlab.workloads.AgentGroup(2, new ResourceShape(8, 32768, 1048576, 0)),
          new io.offerlab.workloads.AgentGroup(1, new ResourceShape(16, 65536, 1048576, 0))),
          r.clusterHint().orElseThrow());
    }
  }

  /**
   * Streaming: a generated trace of many short jobs behind one job that never ends keeps at most about one horizon's
   * worth of jobs buffered, however long the trace is.
   */
  @Test
  void bufferedJobsStayBoundedOnALongTrace() throws IOException {
    int shortRun = readGenerated(2_000);
    int longRun = readGenerated(20_000);
    assertTrue(longRun <= 35, "max buffered jobs " + longRun);
    assertTrue(longRun <= shortRun + 1, "buffer grew with trace length: " + shortRun + " -> " + longRun);
  }

  private int readGenerated(int jobs) throws IOException {
    Path f = tmp.resolve("task_events-gen-" + jobs + ".csv");
    try (var w = Files.newBufferedWriter(f)) {
      w.write("0,,1,0,,0,u,0,9,0.1,0.1,0,0\n0,,1,0,m,1,u,0,9,0.1,0.1,0,0\n");
      java.util.TreeMap<Long, StringBuilder> pending = new java.util.TreeMap<>();
      for (int i = 2; i <= jobs + 1; i++) {
        long a = i * 1_000_000L;
        for (int t = 0; t < 2; t++) {
          add(pending, a, a + ",," + i + "," + t + ",,0,u,0,2,0.01,0.01,0,0\n");
          add(pending, a + 500_000, (a + 500_000) + ",," + i + "," + t + ",m,1,u,0,2,0.01,0.01,0,0\n");
          long end = a + 2_500_000 + t * 1_000_000L;
          add(pending, end, end + ",," + i + "," + t + ",m,4,u,0,2,0.01,0.01,0,0\n");
        }
        while (!pending.isEmpty() && pending.firstKey() < a + 1_000_000) {
          w.write(pending.pollFirstEntry().getValue().toString());
        }
      }
      for (StringBuilder sb : pending.values()) {
        w.write(sb.toString());
      }
    }
    Google2011Reader r = new Google2011Reader(f.toString(), options("google2011.horizonSeconds", "30"));
    List<Job> out = readAll(r);
    assertEquals(jobs + 1, out.size());
    assertEquals(jobs + 1, r.stats().counters().get("google2011.jobsEmitted"));
    for (int i = 1; i < out.size(); i++) {
      assertTrue(out.get(i - 1).arrivalMicros() <= out.get(i).arrivalMicros());
    }
    return r.maxBufferedJobs();
  }

  private static void add(java.util.TreeMap<Long, StringBuilder> m, long t, String row) {
    m.computeIfAbsent(t, k -> new StringBuilder()).append(row);
  }

  @Test
  void readsTheSharedSampleEndToEnd() {
    Path dir = Traces.dir("google-2011");
    Google2011Reader r = new Google2011Reader(dir.toString(), options());
    long jobs = 0;
    long tasks = 0;
    long durations = 0;
    long last = -1;
    Map<String, Integer> roles = new HashMap<>();
    try (r) {
      Job j;
      while ((j = r.next()) != null) {
        assertTrue(j.arrivalMicros() >= last);
        last = j.arrivalMicros();
        jobs++;
        tasks += j.tasks().size();
        roles.merge(j.role(), 1, Integer::sum);
        for (TaskSpec t : j.tasks()) {
          durations += t.durationMicros();
        }
      }
    }
    Map<String, Long> c = r.stats().counters();
    assertEquals(450_146L, c.get("google2011.taskEvents"));
    assertEquals(10_704L, c.get("google2011.jobEvents"));
    assertEquals(460_850L, r.stats().rowsRead());
    // Cross-checked with zcat | awk: 190,926 (job, task) pairs, 11,249 never scheduled, 131,409 still running.
    assertEquals(4_879, jobs);
    assertEquals(179_677, tasks);
    assertEquals(11_249L, c.get("google2011.tasksNeverRan"));
    assertEquals(131_409L, c.get("google2011.tasksUnfinished"));
    assertEquals(4_962L, c.get("google2011.tasksResubmitted"));
    assertEquals(21L, c.get("google2011.jobsEmpty"));
    // Sum of last-attempt run times, truncated at the last timestamp (5,611,086,346 us), computed by awk.
    assertEquals(745_737_752_702_597L, durations);
    assertEquals(java.util.Set.of("free", "batch", "production"), roles.keySet());
    assertEquals(0, r.stats().skippedRows());
  }

  @Property(tries = 150)
  void garbledRowsFailCleanlyWithFileAndLine(@ForAll long seed) throws IOException {
    Path dir = Files.createTempDirectory("g2011fuzz");
    try {
      boolean tasks = (seed & 1) == 0;
      Files.writeString(dir.resolve("task_events-part-00000.csv"), tasks ? Fuzz.garble(TASKS, seed) : TASKS);
      Files.writeString(dir.resolve("job_events-part-00000.csv"), tasks ? JOBS : Fuzz.garble(JOBS, seed));
      Fuzz.assertReadsOrFailsCleanly(() -> new Google2011Reader(dir.toString(), options()),
          tasks ? "task_events-part-00000.csv" : "job_events-part-00000.csv");
    } finally {
      try (var s = Files.list(dir)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }
}
