package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage of master, agent and execute ends with exit 2 and one line naming the option, file or field. */
class RealRuntimeUsageTest {
  @TempDir
  Path dir;

  @Test
  void allocatorConfigIsValidatedAsTheSimulatorsSection() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "allocator:\n  weights:\n    web: -1\n");
    CliRun run = CliRun.of("master", "--port", "0", "--allocator-config", bad.toString());
    assertEquals(2, run.code());
    assertEquals("offerlab: " + bad + ": allocator.weights.web: expected a number > 0, found -1.0", run.err().strip());
  }

  @Test
  void badOptionsNameTheOption() {
    CliRun master = CliRun.of("master", "--allocator", "fair");
    assertEquals(2, master.code());
    assertTrue(master.err().startsWith("offerlab: --allocator: expected one of [drf"), master.err());
    CliRun agent = CliRun.of("agent", "--master", "localhost");
    assertEquals(2, agent.code());
    assertEquals("offerlab: --master: expected HOST:PORT, found 'localhost'", agent.err().strip());
    CliRun execute = CliRun.of("execute", "--master", "127.0.0.1:5050", "--command", "true", "--instances", "0");
    assertEquals(2, execute.code());
    assertEquals("offerlab: --instances: expected a number >= 1, found 0", execute.err().strip());
    CliRun missing = CliRun.of("execute", "--master", "127.0.0.1:5050");
    assertEquals(2, missing.code());
  }
}
