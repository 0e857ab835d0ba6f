package io.offerlab.workloads.jsonl;

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
import io.offerlab.workloads.UsagePoint;
import io.offerlab.workloads.WorkloadException;
import io.offerlab.workloads.reader.Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeReaderTest {
  /** A cluster line, a comment, a blank line, defaults (role, priority, kind, count), usage and an unbounded task. */
  static final String FILE = """
      {"cluster": [{"count": 2, "cpus": 4, "memMb": 15360}, {"count": 1, "cpus": 8, "memMb": 32768, "gpus": 2}]}
      # a comment
      {"id": "j1", "framework": "hadoop", "arrival": 0, "tasks": [{"count": 3, "cpus": 1, "memMb": 1024, "duration": 30}]}

      {"id": "j2", "framework": "web", "role": "prod", "priority": 5, "arrival": 1.5, "kind": "service", "tasks": [{"cpus": 0.5, "memMb": 512, "diskMb": 10, "gpus": 0.25, "duration": "unbounded", "usage": [{"offset": 0, "cpus": 0.25, "memMb": 256}, {"offset": 60.000001, "cpus": 0.5, "memMb": 400}]}]}
      {"id": "j3", "framework": "mpi", "arrival": 1.5, "kind": "gang", "tasks": [{"count": 2, "cpus": 2, "memMb": 2048, "duration": 0.000001}]}
      """;

  @TempDir
  Path tmp;

  private Path write(String text) {
    return ReaderFixtures.write(tmp.resolve("jobs.jsonl"), text);
  }

  @Test
  void readsEveryFieldWithItsDefault() {
    NativeReader r = new NativeReader(write(FILE).toString(), new Options(Map.of()));
    assertEquals(List.of(new AgentGroup(2, ResourceShape.of(4, 15360)), new AgentGroup(1, new ResourceShape(8, 32768,
        0, 2))), r.clusterHint().orElseThrow());
    List<Job> jobs = readAll(r);
    assertEquals(new Job("j1", "hadoop", "hadoop", 0, 0, JobKind.BATCH,
        Collections.nCopies(3, TaskSpec.of(ResourceShape.of(1, 1024), 30_000_000))), jobs.get(0));
    assertEquals(new Job("j2", "web", "prod", 5, 1_500_000, JobKind.SERVICE, List.of(new TaskSpec(
        new ResourceShape(0.5, 512, 10, 0.25), TaskSpec.UNBOUNDED,
        List.of(new UsagePoint(0, 0.25, 256), new UsagePoint(60_000_001, 0.5, 400))))), jobs.get(1));
    assertEquals(JobKind.GANG, jobs.get(2).kind());
    assertEquals(1, jobs.get(2).tasks().get(1).durationMicros());
    assertEquals(3, r.stats().rowsRead());
  }

  @Test
  void writingThenReadingGivesEqualJobs() throws IOException {
    List<Job> jobs = readAll(new NativeReader(write(FILE).toString(), new Options(Map.of())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (NativeWriter w = new NativeWriter(out)) {
      w.cluster(Optional.of(List.of(new AgentGroup(3, ResourceShape.of(0.1, 0.3)))));
      for (Job j : jobs) {
        w.job(j);
      }
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(4, text.lines().count());
    assertTrue(text.contains("\"count\":3,\"cpus\":1,\"memMb\":1024,\"duration\":30}"), text);
    NativeReader back = new NativeReader(write(text).toString(), new Options(Map.of()));
    assertEquals(List.of(new AgentGroup(3, ResourceShape.of(0.1, 0.3))), back.clusterHint().orElseThrow());
    assertEquals(jobs, readAll(back));
  }

  @Test
  void badLinesNameFileLineAndField() {
    assertError("{\"id\": \"a\", \"framework\": \"f\", \"arrival\": 0, \"tasks\": [{\"cpus\": 1, \"memMb\": 1,"
        + " \"duration\": -1}]}\n", ":1: expected a number of seconds from 0 to 9000000000000 in field \"duration\","
        + " found '-1'");
    assertError("{\"id\": \"a\", \"framework\": \"f\", \"arrival\": 0, \"tasks\": [], \"extra\": 1}\n",
        ":1: expected a job field (id, framework, role, priority, arrival, kind, tasks, afterPrevious, stages), found"
        + " 'extra'");
    assertError("{\"id\": \"a\", \"framework\": \"f\", \"arrival\": 0, \"stages\": [0], \"tasks\": [{\"cpus\": 1,"
        + " \"memMb\": 1, \"duration\": 1}]}\n", ":1: expected positive whole numbers in field \"stages\", found '0'");
    assertError("{\"id\": \"a\", \"framework\": \"f\", \"arrival\": 0, \"stages\": [2], \"tasks\": [{\"cpus\": 1,"
        + " \"memMb\": 1, \"duration\": 1}]}\n", ":1: expected a valid job, found 'job a stages: expected sizes summing"
        + " to 1 tasks, found [2]'");
    assertError("{\"id\": \"a\", \"framework\": \"f\", \"arrival\": 0, \"tasks\": []}\n",
        ":1: expected a non-empty array in field \"tasks\", found '[]'");
    assertError("{\"id\": \"a\", \"framework\": \"f\", \"arrival\": 5, \"tasks\": [{\"cpus\": 1, \"memMb\": 1,"
        + " \"duration\": 1}]}\n{\"id\": \"b\", \"framework\": \"f\", \"arrival\": 4, \"tasks\": [{\"cpus\": 1,"
        + " \"memMb\": 1, \"duration\": 1}]}\n", ":2: expected an arrival of at least 5 s (lines are sorted by arrival)"
        + " in field \"arrival\", found '4'");
    assertError("{\"id\": \"a\", \"framework\": \"f\"} trailing\n", ":1: expected a JSON object, found");
    assertError("{\"id\": \"a\", \"framework\": \"f\", \"arrival\": 0, \"kind\": \"mpi\", \"tasks\": [{\"cpus\": 1,"
        + " \"memMb\": 1, \"duration\": 1}]}\n", ":1: expected one of batch, service, gang in field \"kind\", found"
        + " 'mpi'");
    assertError("# only a comment\n\n", ":3: expected a job line, found end of file (empty trace)");
  }

  private void assertError(String text, String expected) {
    WorkloadException e = assertThrows(WorkloadException.class,
        () -> readAll(new NativeReader(write(text).toString(), new Options(Map.of()))));
    assertTrue(e.getMessage().startsWith(tmp.getFileName() + "/jobs.jsonl" + expected), e.getMessage());
  }

  @Property(tries = 200)
  void garbledLinesFailCleanlyWithFileAndLine(@ForAll long seed) throws IOException {
    Path f = Files.createTempFile("nativefuzz", ".jsonl");
    try {
      Files.writeString(f, Fuzz.garble(FILE, seed));
      Fuzz.assertReadsOrFailsCleanly(() -> new NativeReader(f.toString(), new Options(Map.of())),
          f.getFileName().toString());
    } finally {
      Files.delete(f);
    }
  }
}
