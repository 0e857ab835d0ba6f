package io.offerlab.workloads;

import static org.junit.jupiter.api.Assertions.fail;

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
      Assumptions.assumeTrue(false, msg);
    }
    return p;
  }
}
