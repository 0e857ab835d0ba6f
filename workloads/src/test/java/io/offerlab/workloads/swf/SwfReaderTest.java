package io.offerlab.workloads.swf;

import static io.offerlab.workloads.ReaderFixtures.options;
import static io.offerlab.workloads.ReaderFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.workloads.AgentGroup;
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
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwfReaderTest {
  /**
   * A header with MaxNodes 4 and MaxProcs 16 (4 processors per node), a completed job with requested memory, one with
   * only used memory, a failed job, a cancelled job that never ran, a partial (checkpoint) record, and a comment
   * between job lines.
   */
  static final String LOG = """
      ; Version: 2.2
      ; Computer: test machine
      ; MaxNodes: 4
      ; MaxProcs: 16
      ;
          1      0   5   100   8   -1    -1    8   200  2048  1  3  1  -1  2  -1  -1  -1
          2     10   0    50   2   -1  1024   -1    -1    -1  1  4  1  -1 -1  -1  -1  -1
      ; a comment in the middle
          3     20   0    30   4   -1    -1    4   100    -1  0  3  1  -1  2  -1  -1  -1
          4     25  -1    -1  -1   -1    -1    2   100    -1  5  3  1  -1  2  -1  -1  -1
          5     30   0    40   1   -1    -1    1   100    -1  2  3  1  -1  2  -1  -1  -1
      """;

  @TempDir
  Path tmp;

  private Path write(String text) {
    return ReaderFixtures.write(tmp.resolve("log.swf"), text);
  }

  @Test
  void jobsAreGangsOfOneCpuPerProcessor() {
    SwfReader r = new SwfReader(write(LOG).toString(), options());
    List<Job> jobs = readAll(r);
    assertEquals(List.of("1", "2", "3", "5-line11"), jobs.stream().map(Job::id).toList());
    Job first = jobs.get(0);
    assertEquals(JobKind.GANG, first.kind());
    assertEquals("swf", first.framework());
    assertEquals(0, first.arrivalMicros());
    // 2048 KB of requested memory per processor = 2 MB; run time 100 s.
    assertEquals(List.of(TaskSpec.of(ResourceShape.of(1, 2), 100_000_000)), List.copyOf(
        new java.util.LinkedHashSet<>(first.tasks())));
    assertEquals(8, first.tasks().size());
    // Only used memory (1024 KB) is known for job 2; job 3 has none and gets the 1024 MB default.
    assertEquals(ResourceShape.of(1, 1), jobs.get(1).tasks().get(0).request());
    assertEquals(ResourceShape.of(1, 1024), jobs.get(2).tasks().get(0).request());
    assertEquals(1L, r.stats().counters().get("swf.droppedNeverRan"));
    assertEquals(5, r.stats().rowsRead());
  }

  @Test
  void headerGivesTheClusterHint() {
    try (SwfReader r = new SwfReader(write(LOG).toString(), options("swf.memMbPerProc", "512"))) {
      assertEquals(List.of(new AgentGroup(4, ResourceShape.of(4, 2048))), r.clusterHint().orElseThrow());
    }
    try (SwfReader r = new SwfReader(write(LOG.replace("; MaxNodes: 4\n", "")).toString(), options())) {
      assertEquals(List.of(new AgentGroup(16, ResourceShape.of(1, 1024))), r.clusterHint().orElseThrow());
    }
    try (SwfReader r = new SwfReader(write(LOG.replaceAll("; Max.*\n", "")).toString(), options())) {
      assertTrue(r.clusterHint().isEmpty());
    }
  }

  @Test
  void failedAndCancelledJobsAreDroppedByOption() {
    SwfReader r = new SwfReader(write(LOG.replace("  4     25  -1    -1  -1", "  4     25  -1    10   2"))
        .toString(), options("swf.failed", "drop", "swf.cancelled", "drop"));
    assertEquals(List.of("1", "2", "5-line11"), readAll(r).stream().map(Job::id).toList());
    assertEquals(1L, r.stats().counters().get("swf.droppedFailed"));
    assertEquals(1L, r.stats().counters().get("swf.droppedCancelled"));
    SwfReader keep = new SwfReader(write(LOG.replace("  4     25  -1    -1  -1", "  4     25  -1    10   2"))
        .toString(), options());
    assertEquals(List.of("1", "2", "3", "4", "5-line11"), readAll(keep).stream().map(Job::id).toList());
  }

  @Test
  void attributesNameUsersGroupsAndQueues() {
    try (SwfReader r = new SwfReader(write(LOG).toString(), options())) {
      r.next();
      assertEquals("user-3", r.attribute("user"));
      assertEquals("queue-2", r.attribute("queue"));
      assertEquals("partition-unknown", r.attribute("partition"));
    }
  }

  @Test
  void badLinesNameFileLineAndField() {
    WorkloadException e = assertThrows(WorkloadException.class, () -> readAll(new SwfReader(
        write(LOG.replace("    2     10   0    50   2", "    2     1x   0    50   2")).toString(), options())));
    assertEquals(tmp.getFileName() + "/log.swf:7: expected an integer in column 2 (submit time (s)), found '1x'",
        e.getMessage());
    WorkloadException fields = assertThrows(WorkloadException.class, () -> readAll(new SwfReader(
        write(LOG.replace("-1  -1  -1\n    2", "-1\n    2")).toString(), options())));
    assertTrue(fields.getMessage().startsWith(tmp.getFileName() + "/log.swf:6: expected 18 fields, found '"),
        fields.getMessage());
    WorkloadException order = assertThrows(WorkloadException.class, () -> readAll(new SwfReader(
        write(LOG.replace("    3     20", "    3      5")).toString(), options())));
    assertTrue(order.getMessage().contains(":9: expected a submit time of at least 10"), order.getMessage());
    WorkloadException header = assertThrows(WorkloadException.class, () -> new SwfReader(
        write(LOG.replace("MaxProcs: 16", "MaxProcs: lots")).toString(), options()));
    assertTrue(header.getMessage().endsWith("log.swf:4: expected a positive integer after MaxProcs:, found 'lots'"),
        header.getMessage());
  }

  @Test
  void aHeaderWithoutJobsIsAnEmptyTrace() {
    WorkloadException e = assertThrows(WorkloadException.class,
        () -> new SwfReader(write("; MaxProcs: 4\n;\n").toString(), options()));
    assertTrue(e.getMessage().endsWith("log.swf:3: expected an SWF job line, found end of file (empty trace)"),
        e.getMessage());
  }

  @Test
  void readsTheSharedSampleEndToEnd() {
    Path file = Traces.dir("swf/KTH-SP2-1996-2.1-cln.swf.gz");
    SwfReader r = new SwfReader(file.toString(), options());
    List<Job> jobs = readAll(r);
    assertEquals(27_992, jobs.size());
    assertEquals(27_992, r.stats().rowsRead());
    // Cross-checked with zcat | awk: the sum of allocated processors and of processors x run time.
    assertEquals(215_675, jobs.stream().mapToLong(j -> j.tasks().size()).sum());
    assertEquals(1_972_976_954L, jobs.stream().mapToLong(j -> j.tasks().size() * j.tasks().get(0).durationMicros())
        .sum() / 1_000_000);
    assertEquals(List.of(new AgentGroup(100, ResourceShape.of(1, 1024))), r.clusterHint().orElseThrow());
    SwfReader completed = new SwfReader(file.toString(), options("swf.failed", "drop"));
    assertEquals(20_483, readAll(completed).size());
    assertEquals(27_992, completed.stats().rowsRead());
    assertEquals(7_509L, completed.stats().counters().get("swf.droppedFailed"));
  }

  @Property(tries = 200)
  void garbledLinesFailCleanlyWithFileAndLine(@ForAll long seed) throws IOException {
    Path f = Files.createTempFile("swffuzz", ".swf");
    try {
      Files.writeString(f, Fuzz.garble(LOG, seed));
      Fuzz.assertReadsOrFailsCleanly(() -> new SwfReader(f.toString(), options()), f.getFileName().toString());
    } finally {
      Files.delete(f);
    }
  }
}
