package io.offerlab.realruntime.agent;

import io.offerlab.isolationmodel.IsolationConfig;
import io.offerlab.realruntime.cgroups.CgroupHost;
import io.offerlab.realruntime.cgroups.CgroupsV1Isolator;
import io.offerlab.realruntime.cgroups.CgroupsV2Isolator;
import io.offerlab.realruntime.cgroups.Isolator;
import io.offerlab.realruntime.cgroups.NoIsolator;
import io.offerlab.realruntime.http.Advertised;
import io.offerlab.realruntime.http.HttpServers;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.eclipse.jetty.server.Server;

/**
 * A whole agent process: resources, isolator, task runner, HTTP API and the link to the master, started together and
 * stopped together (on {@link #close()} or SIGTERM), leaving no task process and no cgroup behind.
 */
public final class AgentRuntime implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AgentRuntime.class.getName());

  /**
   * What {@code offerlab agent} takes.
   *
   * @param master the master's {@code host:port}
   * @param ip the address to listen on
   * @param port the port to listen on (0 picks one)
   * @param advertiseIp the address the master calls, or null for {@code ip}
   * @param resources Mesos {@code --resources} text, or null to detect
   * @param workDir where sandboxes go
   * @param isolation {@code cgroups} or {@code none}
   * @param cpuset CPUs every task is pinned to (a cpuset list such as {@code 0} or {@code 0-1}), or null
   * @param credential what the agent authenticates with (Mesos {@code --credential}), or null
   * @param advertisePort the port the master calls (Mesos {@code --advertise_port}), or 0 for the port listened on
   */
  public record Options(String master, String ip, int port, String advertiseIp, String resources, Path workDir,
                        String isolation, String cpuset, Credential credential, int advertisePort) {
    /** An agent that advertises the port it listens on. */
    public Options(String master, String ip, int port, String advertiseIp, String resources, Path workDir,
                   String isolation, String cpuset, Credential credential) {
      this(master, ip, port, advertiseIp, resources, workDir, isolation, cpuset, credential, 0);
    }

    /** An agent without a credential. */
    public Options(String master, String ip, int port, String advertiseIp, String resources, Path workDir,
                   String isolation, String cpuset) {
      this(master, ip, port, advertiseIp, resources, workDir, isolation, cpuset, null);
    }

    /** Check the values; errors name the option. */
    public Options {
      if (master == null || !master.matches("[^:/\\s]+:\\d{1,5}")) {
        throw new IllegalArgumentException("--master: expected HOST:PORT, found '" + master + "'");
      }
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("--port: expected 0..65535, found " + port);
      }
      if (advertisePort < 0 || advertisePort > 65_535) {
        throw new IllegalArgumentException("--advertise-port: expected 1..65535, found " + advertisePort);
      }
      if (advertiseIp != null && !Advertised.validHost(advertiseIp)) {
        throw new IllegalArgumentException("--advertise-ip: expected an IPv4 address or a host name, found '"
            + advertiseIp + "'");
      }
      if (!"cgroups".equals(isolation) && !"none".equals(isolation)) {
        throw new IllegalArgumentException("--isolation: expected cgroups or none, found '" + isolation + "'");
      }
      if (cpuset != null && !cpuset.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
        throw new IllegalArgumentException("--cpuset: expected a CPU list such as 0 or 0-1,3, found '" + cpuset + "'");
      }
    }
  }

  private final Agent agent;
  private final MasterLink link;
  private final Server server;
  private final Isolator isolator;
  private boolean closed;

  private AgentRuntime(Agent agent, MasterLink link, Server server, Isolator isolator) {
    this.agent = agent;
    this.link = link;
    this.server = server;
    this.isolator = isolator;
  }

  /** Start an agent; bad options are {@link IllegalArgumentException}s that name the option. */
  public static AgentRuntime start(Options options) throws Exception {
    var resources = AgentResources.resolve(options.resources(), options.workDir());
    String advertise = Advertised.host("--advertise-ip", options.advertiseIp(), options.ip());
    String masterHost = options.master().substring(0, options.master().lastIndexOf(':'));
    if (Advertised.isLoopback(advertise) && !Advertised.isLoopback(masterHost)) {
      LOG.warning("advertising " + advertise + ", a loopback address, to the master at " + options.master()
          + ", which cannot call it there: set --ip or --advertise-ip to an address the master reaches");
    }
    Isolator isolator = isolator(options);
    MasterLink[] linkHolder = new MasterLink[1];
    Agent agent = new Agent(options.workDir(), isolator,
        "none".equals(options.isolation()) ? IsolationConfig.none() : IsolationConfig.mesosCgroups(),
        (fw, s) -> linkHolder[0].send(fw, s), Duration.ofSeconds(10), Duration.ofMinutes(10));
    Server server;
    try {
      server = HttpServers.start("offerlab-agent-http", options.ip(), options.port(),
          FilesEndpoints.addTo(AgentHttpApi.handler(agent), new SandboxFiles(options.workDir())),
          Duration.ofSeconds(60));
    } catch (IOException e) {
      agent.close();
      throw new IllegalArgumentException("--port: cannot listen on " + options.ip() + ":" + options.port() + ": "
          + e.getMessage());
    }
    int port = HttpServers.port(server);
    int advertisedPort = options.advertisePort() > 0 ? options.advertisePort() : port;
    AgentInfo info = AgentInfo.newBuilder().setHostname(advertise).setPort(advertisedPort)
        .addAllResources(resources).build();
    MasterLink link = new MasterLink(URI.create("http://" + options.master()), info, Duration.ofSeconds(1),
        Duration.ofSeconds(30));
    if (options.credential() != null) {
      link.authenticate(options.credential());
    }
    linkHolder[0] = link;
    var runtime = new AgentRuntime(agent, link, server, isolator);
    link.start(agent);
    LOG.info("agent listening on " + options.ip() + ":" + port + ", advertised as " + advertise + ":"
        + advertisedPort + ", with " + isolator.describe());
    return runtime;
  }

  private static Isolator isolator(Options options) throws IOException {
    if ("none".equals(options.isolation())) {
      return new NoIsolator();
    }
    String name = "agent-" + ProcessHandle.current().pid();
    try {
      CgroupHost host = CgroupHost.detect();
      return host.version() == 1 ? new CgroupsV1Isolator(host, name, options.cpuset())
          : new CgroupsV2Isolator(host, name, options.cpuset());
    } catch (IOException e) {
      throw new IllegalArgumentException("--isolation cgroups: cgroups are not usable here (" + e.getMessage()
          + "); run with --isolation none to start without isolation");
    }
  }

  /** Return the port the agent's HTTP API listens on. */
  public int port() {
    return HttpServers.port(server);
  }

  /** Return the task runner. */
  public Agent agent() {
    return agent;
  }

  /** Return whether the agent is registered with a reachable master. */
  public boolean connected() {
    return link.connected();
  }

  /** Stop: kill every task, remove every cgroup, stop the HTTP server and the link. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    link.close();
    agent.close();
    try {
      server.stop();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "cannot stop the agent's HTTP server", e);
    }
    LOG.info("agent stopped (" + isolator.describe() + "): no task left");
  }
}
