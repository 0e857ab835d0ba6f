package io.offerlab.cli;

import io.offerlab.realruntime.agent.AgentRuntime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code offerlab agent}: runs an agent that registers with a master and runs tasks as real processes in cgroups. */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "Run an agent: register with the master and run its tasks as real processes in real cgroups.")
final class AgentCommand implements Callable<Integer> {
  @Option(names = "--master", required = true, paramLabel = "HOST:PORT", description = "The master to register with.")
  String master;

  @Option(names = "--ip", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String ip;

  @Option(names = "--port", defaultValue = "5051", description = "Port of the agent's HTTP API (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--advertise-ip", paramLabel = "IP",
      description = "Address the master and frameworks call, as offers' url carry it (Mesos --advertise_ip; default: "
          + "--ip, or this host's address when --ip is 0.0.0.0).")
  String advertiseIp;

  @Option(names = "--advertise-port", paramLabel = "PORT", defaultValue = "0",
      description = "Port the master and frameworks call, when a NAT or port mapping differs from --port "
          + "(Mesos --advertise_port; default: --port).")
  int advertisePort;

  @Option(names = "--resources", paramLabel = "TEXT",
      description = "Mesos resources, e.g. 'cpus:4;mem:4096;ports:[31000-32000]' (default: detected).")
  String resources;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Where task sandboxes go (default: ./offerlab-agent).")
  Path workDir;

  @Option(names = "--isolation", defaultValue = "cgroups",
      description = "cgroups or none (default: ${DEFAULT-VALUE}); cgroups refuses to start where cgroups are not writable.")
  String isolation;

  @Option(names = "--cpuset", paramLabel = "CPUS", description = "Pin every task to these CPUs (cgroup cpuset), e.g. 0.")
  String cpuset;

  @Option(names = "--credential", paramLabel = "FILE",
      description = "JSON {\"principal\": ..., \"secret\": ...} to authenticate to a master run with --credentials.")
  Path credential;

  @Override
  public Integer call() throws Exception {
    Path dir = workDir != null ? workDir : Path.of("offerlab-agent");
    var options = new AgentRuntime.Options(master, ip, port, advertiseIp, resources, dir.toAbsolutePath(), isolation,
        cpuset, credential == null ? null : io.offerlab.realruntime.agent.Credential.load(credential), advertisePort);
    AgentRuntime agent = AgentRuntime.start(options);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      agent.close();
      stopped.countDown();
    }, "offerlab-agent-shutdown"));
    System.err.println("offerlab agent: listening on " + ip + ":" + agent.port() + ", master " + master);
    stopped.await();
    return 0;
  }
}
