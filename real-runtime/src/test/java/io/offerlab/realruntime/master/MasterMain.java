package io.offerlab.realruntime.master;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A master as a separate process for the restart tests: {@code MasterMain WORK_DIR PORT REREGISTER_MILLIS} starts a
 * master with a registry under WORK_DIR, prints {@code port N} and runs until it is killed.
 */
public final class MasterMain {
  private MasterMain() {
  }

  /** Run the master. */
  public static void main(String[] args) throws Exception {
    var options = new MasterRuntime.Options("127.0.0.1", Integer.parseInt(args[1]), "drf", Duration.ofMillis(100),
        Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMillis(500))
        .withRegistry(Path.of(args[0]), Duration.ofMillis(Long.parseLong(args[2])));
    MasterRuntime master = MasterRuntime.start(options);
    System.out.println("port " + master.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
