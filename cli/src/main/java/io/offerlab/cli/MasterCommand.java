package io.offerlab.cli;

import io.offerlab.allocators.AllocatorOptions;
import io.offerlab.realruntime.master.MasterRuntime;
import io.offerlab.simcore.config.AllocatorSettings;
import io.offerlab.simcore.config.SimulationConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code offerlab master}: the Mesos v1 scheduler HTTP API over sim-core's master core and a registered allocator. */
@Command(name = "master", mixinStandardHelpOptions = true,
    description = "Run a master: the Mesos v1 scheduler HTTP API, agent registration, /master/state, "
        + "/metrics/snapshot, /metrics/history and a web UI at /, with the simulator's allocator and master rules.")
final class MasterCommand implements Callable<Integer> {
  @Option(names = "--ip", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String ip;

  @Option(names = "--port", defaultValue = "5050", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--advertise-ip", paramLabel = "IP",
      description = "Address agents and frameworks are told to call (Mesos --advertise_ip; default: --ip, or this "
          + "host's address when --ip is 0.0.0.0).")
  String advertiseIp;

  @Option(names = "--allocator", defaultValue = "drf", description = "A registered allocator (default: ${DEFAULT-VALUE}).")
  String allocator;

  @Option(names = "--allocation-interval", defaultValue = "1s",
      description = "Batch allocation interval, e.g. 1s or 500ms (default: ${DEFAULT-VALUE}).")
  String allocationInterval;

  @Option(names = "--allocator-config", paramLabel = "FILE.yaml",
      description = "The allocator: section of a simulation config (weights, priorities, partitions).")
  Path allocatorConfig;

  @Option(names = "--agent-ping-timeout", defaultValue = "15s",
      description = "How long an agent may miss a heartbeat before it counts as one missed ping (Mesos: 15 s; "
          + "default: ${DEFAULT-VALUE}).")
  String agentPingTimeout;

  @Option(names = "--max-agent-ping-timeouts", defaultValue = "5",
      description = "Missed pings after which an agent is removed and its tasks are LOST (Mesos: 5; "
          + "default: ${DEFAULT-VALUE}).")
  int maxAgentPingTimeouts;

  @Option(names = "--credentials", paramLabel = "FILE",
      description = "Mesos' JSON {\"credentials\": [{\"principal\": ..., \"secret\": ...}]}: frameworks and agents "
          + "must send HTTP Basic auth (401 otherwise).")
  Path credentials;

  @Option(names = "--acls", paramLabel = "FILE",
      description = "Mesos' JSON ACLs; register_frameworks rules say which principals may subscribe in which roles "
          + "(403 otherwise).")
  Path acls;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Keep a registry of agents and frameworks here; a master restarted on it recovers them.")
  Path workDir;

  @Option(names = "--agent-reregister-timeout", defaultValue = "10m",
      description = "After a restart, how long the registry's agents may take to re-register before they are "
          + "unreachable (Mesos: 10 min; default: ${DEFAULT-VALUE}).")
  String agentReregisterTimeout;

  @Option(names = "--metrics-interval", defaultValue = "5s",
      description = "How often the master samples utilisation and dominant shares for /metrics/history and the web "
          + "UI's charts; 720 samples are kept (default: ${DEFAULT-VALUE}, one hour).")
  String metricsInterval;

  @Override
  public Integer call() throws Exception {
    if (maxAgentPingTimeouts < 1) {
      throw new IllegalArgumentException("--max-agent-ping-timeouts: expected at least 1, found "
          + maxAgentPingTimeouts);
    }
    Duration agentTimeout = MasterRuntime.duration("--agent-ping-timeout", agentPingTimeout)
        .multipliedBy(maxAgentPingTimeouts);
    AllocatorOptions allocatorOptions = AllocatorOptions.defaults();
    Map<String, Double> weights = Map.of();
    if (allocatorConfig != null) {
      AllocatorSettings settings = SimulationConfig.load(allocatorConfig).allocator();
      allocatorOptions = allocatorOptions.withPriorities(settings.priorities()).withPartitions(settings.partitions())
          .withPartitionRoles(settings.partitionRoles()).withSlotSize(settings.slot())
          .withOfferSize(settings.offerSizeValue());
      weights = settings.weights();
    }
    var options = new MasterRuntime.Options(ip, port, allocator,
        MasterRuntime.duration("--allocation-interval", allocationInterval), Duration.ofSeconds(1),
        agentTimeout, Duration.ofSeconds(15), allocatorOptions, weights,
        io.offerlab.realruntime.master.Security.load(credentials, acls));
    options = options.withAdvertiseIp(advertiseIp);
    if (workDir != null) {
      options = options.withRegistry(workDir.toAbsolutePath(),
          MasterRuntime.duration("--agent-reregister-timeout", agentReregisterTimeout));
    }
    MasterRuntime master = MasterRuntime.start(options,
        MasterRuntime.duration("--metrics-interval", metricsInterval));
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      master.close();
      stopped.countDown();
    }, "offerlab-master-shutdown"));
    System.err.println("offerlab master: listening on " + ip + ":" + master.port() + " (allocator " + allocator
        + "); web UI at http://" + ip + ":" + master.port() + "/");
    stopped.await();
    return 0;
  }
}
