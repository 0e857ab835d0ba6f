package io.offerlab.workloads.swim;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwimReaderTest {
  private static final long MIB = 1024 * 1024;

  /**
   * job0 reads 256 MiB and shuffles 1.5 GiB (2 maps, 2 reduces); job1 is map-only (zero-byte shuffle) with 8 MiB of
   * output; job2 has zero input bytes.
   */
  static final String TRACE = "job0\t10\t10\t" + 256 * MIB + "\t" + 1536 * MIB + "\t" + 16 * MIB + "\n"
      + "job1\t15\t5\t" + 64 * MIB + "\t0\t" + 8 * MIB + "\n"
      + "job2\t15\t0\t0\t0\t0\n";

  @TempDir
  Path tmp;

  private Path write(String text) {
    return ReaderFixtures.write(tmp.resolve("fb.tsv"), text);
  }

  @Test
  void bytesBecomeMapAndReduceTasksWithTheDocumentedDurations() {
    List<Job> jobs = readAll(new SwimReader(write(TRACE).toString(), options()));
    Job job0 = jobs.get(0);
    assertEquals(JobKind.BATCH, job0.kind());
    assertEquals("swim", job0.framework());
    assertEquals(10_000_000, job0.arrivalMicros());
    // Maps: 2 s overhead + 128 MiB at 8 MiB/s = 18 s. Reduces: 2 s + 768 MiB shuffle at 8 MiB/s + 8 MiB output at
    // 8 MiB/s = 99 s.
    TaskSpec map = TaskSpec.of(ResourceShape.of(1, 1024), 18_000_000);
    TaskSpec reduce = TaskSpec.of(ResourceShape.of(1, 1024), 99_000_000);
    assertEquals(List.of(map, map, reduce, reduce), job0.tasks());
  }

  @Test
  void aZeroByteShuffleIsAMapOnlyJobWhoseMapsWriteTheOutput() {
    SwimReader r = new SwimReader(write(TRACE).toString(), options());
    List<Job> jobs = readAll(r);
    // One map: 2 s + 64 MiB / 8 MiB/s + 8 MiB output / 8 MiB/s = 11 s.
    assertEquals(List.of(TaskSpec.of(ResourceShape.of(1, 1024), 11_000_000)), jobs.get(1).tasks());
    // Zero input still runs one map of just the overhead.
    assertEquals(List.of(TaskSpec.of(ResourceShape.of(1, 1024), 2_000_000)), jobs.get(2).tasks());
    assertEquals(2L, r.stats().counters().get("swim.mapOnlyJobs"));
    assertEquals(4L, r.stats().counters().get("swim.mapTasks"));
    assertEquals(2L, r.stats().counters().get("swim.reduceTasks"));
  }

  @Test
  void everyModelParameterIsAnOption() {
    List<Job> jobs = readAll(new SwimReader(write(TRACE).toString(), options(
        "swim.bytesPerMap", Long.toString(64 * MIB), "swim.bytesPerReduce", Long.toString(512 * MIB),
        "swim.mapBytesPerSecond", Long.toString(64 * MIB), "swim.shuffleBytesPerSecond", Long.toString(256 * MIB),
        "swim.outputBytesPerSecond", Long.toString(16 * MIB), "swim.taskOverheadSeconds", "0",
        "swim.mapCpus", "2", "swim.mapMemMb", "3000", "swim.reduceCpus", "0.5", "swim.reduceMemMb", "500")));
    Job job0 = jobs.get(0);
    // 4 maps of 64 MiB at 64 MiB/s; 3 reduces of 512 MiB at 256 MiB/s plus 16/3 MiB at 16 MiB/s.
    List<TaskSpec> expected = new ArrayList<>(Collections.nCopies(4, TaskSpec.of(ResourceShape.of(2, 3000),
        1_000_000)));
    expected.addAll(Collections.nCopies(3, TaskSpec.of(ResourceShape.of(0.5, 500), Math.round((2 + 1.0 / 3) * 1e6))));
    assertEquals(expected, job0.tasks());
  }

  @Test
  void machinesOptionGivesAClusterHint() {
    try (SwimReader r = new SwimReader(write(TRACE).toString(), options())) {
      assertTrue(r.clusterHint().isEmpty());
    }
    try (SwimReader r = new SwimReader(write(TRACE).toString(), options("swim.machines", "600",
        "swim.machineCpus", "4"))) {
      assertEquals(List.of(new AgentGroup(600, ResourceShape.of(4, 16384))), r.clusterHint().orElseThrow());
    }
  }

  @Test
  void badLinesNameFileLineAndColumn() {
    WorkloadException e = assertThrows(WorkloadException.class,
        () -> readAll(new SwimReader(write(TRACE.replace("\t0\t0\t0\n", "\t0\t-5\t0\n")).toString(), options())));
    assertEquals(tmp.getFileName() + "/fb.tsv:3: expected a non-negative number in column 5 (shuffle bytes), found"
        + " '-5'", e.getMessage());
    WorkloadException empty = assertThrows(WorkloadException.class,
        () -> new SwimReader(write("\n\n").toString(), options()));
    assertTrue(empty.getMessage().endsWith("fb.tsv:3: expected a SWIM job line, found end of file (empty trace)"),
        empty.getMessage());
    WorkloadException huge = assertThrows(WorkloadException.class, () -> readAll(new SwimReader(
        write(TRACE).toString(), options("swim.maxTasksPerJob", "3"))));
    assertTrue(huge.getMessage().contains(":1: expected a job of at most swim.maxTasksPerJob=3 tasks"),
        huge.getMessage());
  }

  @Test
  void readsTheSharedSampleEndToEnd() {
    Path file = Traces.dir("swim-fb/FB-2009_samples_24_times_1hr_0.tsv");
    SwimReader r = new SwimReader(file.toString(), options());
    List<Job> jobs = readAll(r);
    assertEquals(5_894, jobs.size());
    assertEquals(5_894, r.stats().rowsRead());
    // Cross-checked with awk: sum of max(1, ceil(input / 128 MiB)) and of ceil(shuffle / 1 GiB); 4,448 zero shuffles.
    assertEquals(205_713L, r.stats().counters().get("swim.mapTasks"));
    assertEquals(21_895L, r.stats().counters().get("swim.reduceTasks"));
    assertEquals(4_448L, r.stats().counters().get("swim.mapOnlyJobs"));
    assertEquals(227_608L, jobs.stream().mapToLong(j -> j.tasks().size()).sum());
    assertEquals(86_404_000_000L, jobs.get(jobs.size() - 1).arrivalMicros());
  }

  @Property(tries = 200)
  void garbledLinesFailCleanlyWithFileAndLine(@ForAll long seed) throws IOException {
    Path f = Files.createTempFile("swimfuzz", ".tsv");
    try {
      Files.writeString(f, Fuzz.garble(TRACE, seed));
      Fuzz.assertReadsOrFailsCleanly(() -> new SwimReader(f.toString(), options()), f.getFileName().toString());
    } finally {
      Files.delete(f);
    }
  }

  /** A garbled row whose byte counts make more maps than a long holds once failed with "List length = -1". */
  @org.junit.jupiter.api.Test
  void garbledSampleFoundByThePropertyFailsCleanly() throws IOException {
    garbledLinesFailCleanlyWithFileAndLine(2969025201L);
  }
}
