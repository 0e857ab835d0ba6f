package io.offerlab.cli;

import io.offerlab.realruntime.master.MasterRuntime;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code offerlab master}: the Mesos v1 scheduler HTTP API over sim-core's master core and a registered allocator. */
@Command(name = "master", mixinStandardHelpOptions = true,
    description = "Run a master: the Mesos v1 scheduler HTTP API, agent registration, /master/state and "
        + "/metrics/snapshot, with the simulator's allocator and master rules.")
final class MasterCommand implements Callable<Integer> {
  @Option(names = "--ip", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String ip;

  @Option(names = "--port", defaultValue = "5050", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--allocator", defaultValue = "drf", description = "A registered allocator (default: ${DEFAULT-VALUE}).")
  String allocator;

  @Option(names = "--allocation-interval", defaultValue = "1s",
      description = "Batch allocation interval, e.g. 1s or 500ms (default: ${DEFAULT-VALUE}).")
  String allocationInterval;

  @Override
  public Integer call() throws Exception {
    var options = new MasterRuntime.Options(ip, port, allocator,
        MasterRuntime.duration("--allocation-interval", allocationInterval), Duration.ofSeconds(1),
        Duration.ofSeconds(15), Duration.ofSeconds(15));
    MasterRuntime master = MasterRuntime.start(options);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      master.close();
      stopped.countDown();
    }, "offerlab-master-shutdown"));
    System.err.println("offerlab master: listening on " + ip + ":" + master.port() + " (allocator " + allocator + ")");
    stopped.await();
    return 0;
  }
}
