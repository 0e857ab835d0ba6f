package io.offerlab.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mesos rejects an empty role, so readers never give one (issue 10, item 8): a job with an empty user or role gets
 * its framework's name as its role, and a job whose framework and role are both empty fails with FILE:LINE.
 */
final class EmptyRoleTest {
  @TempDir
  Path tmp;

  private static List<Job> jobs(String spec, Map<String, String> options) {
    try (Workload w = Workloads.open(spec, options); Stream<Job> s = w.jobs()) {
      return s.toList();
    }
  }

  @Test
  void nativeJobWithAnEmptyRoleGetsItsFrameworksName() {
    Path f = ReaderFixtures.write(tmp.resolve("jobs.jsonl"), """
        {"id": "j1", "framework": "hadoop", "role": "", "arrival": 0, "tasks": [{"cpus": 1, "memMb": 1, "duration": 1}]}
        """);
    List<Job> jobs = jobs("native:" + f, Map.of());
    assertEquals("hadoop", jobs.get(0).role());
  }

  @Test
  void nativeJobWithFrameworkAndRoleBothEmptyFailsWithFileAndLine() {
    Path f = ReaderFixtures.write(tmp.resolve("jobs.jsonl"), """
        {"id": "j1", "framework": "hadoop", "arrival": 0, "tasks": [{"cpus": 1, "memMb": 1, "duration": 1}]}
        {"id": "j2", "framework": "", "role": "", "arrival": 0, "tasks": [{"cpus": 1, "memMb": 1, "duration": 1}]}
        """);
    var e = assertThrows(IllegalArgumentException.class, () -> jobs("native:" + f, Map.of()));
    assertTrue(e.getMessage().contains("jobs.jsonl:2:"), e.getMessage());
  }

  /** Google 2011 rows with no user: roleBy=user names no role, so the job's role is its framework's name. */
  @Test
  void googleJobWithAnEmptyUserGetsItsFrameworksNameAsRole() {
    Path f = ReaderFixtures.write(tmp.resolve("task_events-part-00000.csv"), """
        0,,100,0,m1,1,userA,3,9,0.125,0.25,0.001,0
        1000000,,200,0,m2,1,,1,0,0.0625,0.03125,,0
        2000000,,200,0,m2,4,,1,0,0.0625,0.03125,,0
        3000000,,100,0,m1,4,userA,3,9,0.125,0.25,0.001,0
        """);
    List<Job> byUser = jobs("google2011:" + f, Map.of("roleBy", "user"));
    assertEquals("userA", byUser.get(0).role());
    assertEquals("free", byUser.get(1).framework());
    assertEquals("free", byUser.get(1).role());
    List<Job> frameworkByUser = jobs("google2011:" + f, Map.of("frameworkBy", "user"));
    assertEquals("userA", frameworkByUser.get(0).framework());
    assertEquals("free", frameworkByUser.get(1).framework(), "an empty user names no framework");
    assertEquals("free", frameworkByUser.get(1).role());
  }
}
