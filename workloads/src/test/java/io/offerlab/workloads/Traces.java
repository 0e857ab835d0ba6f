package io.offerlab.workloads;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared real traces: {@code OFFERLAB_TRACES}, else {@code ../shared/traces} next to the repository root.
 * A missing folder skips the test, unless {@code OFFERLAB_REQUIRE_TRACES=1}, when it fails.
 */
public final class Traces {
  private Traces() {}

  /** Returns {@code sub} inside the traces folder, or skips (fails in CI) when it is absent. */
  public static Path dir(String sub) {
    String env = System.getenv("OFFERLAB_TRACES");
    Path root = env != null && !env.isBlank() ? Path.of(env)
        : Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("../shared/traces");
    Path p = root.resolve(sub).normalize();
    if (!Files.exists(p)) {
      String msg = "shared trace " + p + " not found (set OFFERLAB_TRACES)";
      if ("1".equals(System.getenv("OFFERLAB_REQUIRE_TRACES"))) {
        fail(msg);
      }
      skip(msg);
    }
    return p;
  }

  /**
   * Skips the calling test and says why on the console: surefire keeps skip reasons only in its XML reports and sends
   * test output to files, so the reason goes to the forked JVM's own stderr, which Maven prints.
   */
  public static void skip(String reason) {
    skip(reason, new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
  }

  /** Skips the calling test, printing the reason to {@code console} first. */
  static void skip(String reason, PrintStream console) {
    console.println("[SKIPPED] " + reason);
    console.flush();
    Assumptions.assumeTrue(false, reason);
  }
}
