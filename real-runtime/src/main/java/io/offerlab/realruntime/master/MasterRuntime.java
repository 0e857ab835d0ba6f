package io.offerlab.realruntime.master;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.AllocatorOptions;
import io.offerlab.allocators.Allocators;
import io.offerlab.realruntime.agent.AgentProtocol;
import io.offerlab.realruntime.framework.SchedulerConnection;
import io.offerlab.realruntime.http.Advertised;
import io.offerlab.realruntime.http.HttpServers;
import io.offerlab.realruntime.http.JsonHandler;
import io.offerlab.realruntime.http.JsonHandler.Reply;
import io.offerlab.simcore.master.MasterCoreSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;

/**
 * A whole master process: an allocator from the registry, sim-core's master core on one event loop, and the HTTP
 * server with the scheduler API, the agent protocol, {@code /master/state}, {@code /metrics/snapshot},
 * {@code /metrics/history} (a sample every few seconds, taken on the event loop) and the web UI at {@code /}.
 */
public final class MasterRuntime implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MasterRuntime.class.getName());
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

  /**
   * What {@code offerlab master} takes.
   *
   * @param ip the address to listen on, and to advertise unless {@code advertiseIp} is given
   * @param port the port (0 picks one)
   * @param allocator a registered allocator's name
   * @param allocationInterval the batch allocation interval
   * @param agentHeartbeat how often agents heartbeat
   * @param agentTimeout how long an agent may stay silent before it is removed
   * @param schedulerHeartbeat the interval of HEARTBEAT events (Mesos: 15 s); a client that went away is noticed
   *     when a write to its stream fails
   * @param allocatorOptions priorities and partitions for the allocator (the seed, agent shuffling and the minimum
   *     filter of one allocation interval are set here, as the simulator sets them)
   * @param weights role weights (Mesos {@code --weights})
   * @param security credentials and ACLs (Mesos {@code --credentials}, {@code --acls})
   * @param workDir where the registry lives (Mesos {@code --work_dir}), or null for none
   * @param agentReregisterTimeout how long after a restart the registry's agents may re-register (Mesos: 10 min)
   * @param advertiseIp the address agents and frameworks are told (Mesos {@code --advertise_ip}), or null for
   *     {@code ip} (or, when {@code ip} is 0.0.0.0, this host's address)
   */
  public record Options(String ip, int port, String allocator, Duration allocationInterval, Duration agentHeartbeat,
                        Duration agentTimeout, Duration schedulerHeartbeat, AllocatorOptions allocatorOptions,
                        Map<String, Double> weights, Security security, Path workDir,
                        Duration agentReregisterTimeout, String advertiseIp) {
    /** A master with security and no registry. */
    public Options(String ip, int port, String allocator, Duration allocationInterval, Duration agentHeartbeat,
                   Duration agentTimeout, Duration schedulerHeartbeat, AllocatorOptions allocatorOptions,
                   Map<String, Double> weights, Security security) {
      this(ip, port, allocator, allocationInterval, agentHeartbeat, agentTimeout, schedulerHeartbeat,
          allocatorOptions, weights, security, null, Duration.ofMinutes(10), null);
    }

    /** The same options with a registry under {@code workDir}. */
    public Options withRegistry(Path workDir, Duration agentReregisterTimeout) {
      return new Options(ip, port, allocator, allocationInterval, agentHeartbeat, agentTimeout, schedulerHeartbeat,
          allocatorOptions, weights, security, workDir, agentReregisterTimeout, advertiseIp);
    }

    /** A master without credentials or ACLs. */
    public Options(String ip, int port, String allocator, Duration allocationInterval, Duration agentHeartbeat,
                   Duration agentTimeout, Duration schedulerHeartbeat, AllocatorOptions allocatorOptions,
                   Map<String, Double> weights) {
      this(ip, port, allocator, allocationInterval, agentHeartbeat, agentTimeout, schedulerHeartbeat,
          allocatorOptions, weights, Security.open());
    }

    /** The same options with {@code security}. */
    public Options withSecurity(Security security) {
      return new Options(ip, port, allocator, allocationInterval, agentHeartbeat, agentTimeout, schedulerHeartbeat,
          allocatorOptions, weights, security, workDir, agentReregisterTimeout, advertiseIp);
    }

    /** The same options advertising {@code advertiseIp} (null: {@code ip}, or this host's address for 0.0.0.0). */
    public Options withAdvertiseIp(String advertiseIp) {
      return new Options(ip, port, allocator, allocationInterval, agentHeartbeat, agentTimeout, schedulerHeartbeat,
          allocatorOptions, weights, security, workDir, agentReregisterTimeout, advertiseIp);
    }

    /** The defaults of {@code offerlab master} with no allocator configuration. */
    public Options(String ip, int port, String allocator, Duration allocationInterval, Duration agentHeartbeat,
                   Duration agentTimeout, Duration schedulerHeartbeat) {
      this(ip, port, allocator, allocationInterval, agentHeartbeat, agentTimeout, schedulerHeartbeat,
          AllocatorOptions.defaults(), Map.of());
    }

    /** Check the values; errors name the option. */
    public Options {
      weights = Map.copyOf(weights);
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("--port: expected 0..65535, found " + port);
      }
      if (!Allocators.names().contains(allocator)) {
        throw new IllegalArgumentException("--allocator: expected one of " + Allocators.names() + ", found '"
            + allocator + "'");
      }
      if (advertiseIp != null && !Advertised.validHost(advertiseIp)) {
        throw new IllegalArgumentException("--advertise-ip: expected an IPv4 address or a host name, found '"
            + advertiseIp + "'");
      }
      if (allocationInterval.toNanos() < 1_000) {
        throw new IllegalArgumentException("--allocation-interval: expected at least 1us, found " + allocationInterval);
      }
    }
  }

  /** Parse {@code 1s}, {@code 500ms}, {@code 2.5s} or {@code 1m}; errors name {@code option}. */
  public static Duration duration(String option, String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(option + ": expected a duration such as 1s or 500ms, found '" + text + "'");
    }
    double value = Double.parseDouble(m.group(1));
    double micros = switch (m.group(2)) {
      case "ms" -> value * 1_000;
      case "s" -> value * 1_000_000;
      default -> value * 60_000_000;
    };
    return Duration.ofNanos((long) (micros * 1_000));
  }

  private final EventLoop loop;
  private final Master master;
  private final Server server;

  private MasterRuntime(EventLoop loop, Master master, Server server) {
    this.loop = loop;
    this.master = master;
    this.server = server;
  }

  /** Start a master sampling {@code /metrics/history} every 5 s; a port in use is an error naming {@code --port}. */
  public static MasterRuntime start(Options options) throws Exception {
    return start(options, Duration.ofMillis(MetricsHistory.DEFAULT_INTERVAL_MILLIS));
  }

  /**
   * Start a master that samples {@code /metrics/history} every {@code metricsInterval} (720 samples kept); a port in
   * use is an {@link IllegalArgumentException} naming {@code --port}.
   */
  public static MasterRuntime start(Options options, Duration metricsInterval) throws Exception {
    var history = new MetricsHistory(MetricsHistory.DEFAULT_CAPACITY, metricsInterval.toMillis());
    var settings = new MasterCoreSettings(options.allocationInterval().toNanos() / 1_000, 0, false);
    Allocator allocator = Allocators.create(options.allocator(), MasterCoreSettings.masterRules(
        options.allocatorOptions().withSeed(System.nanoTime()), settings.allocationIntervalMicros()));
    options.weights().forEach(allocator::setWeight);
    String advertised = Advertised.host("--advertise-ip", options.advertiseIp(), options.ip());
    String advertisedIp = Advertised.ipOf(advertised);
    var loop = new EventLoop();
    var handler = new JsonHandler().holdUntilReady();
    Server server;
    try {
      server = HttpServers.start("offerlab-master-http", options.ip(), options.port(), handler, Duration.ofSeconds(60));
    } catch (IOException e) {
      loop.close();
      throw new IllegalArgumentException("--port: cannot listen on " + options.ip() + ":" + options.port() + ": "
          + e.getMessage());
    }
    int port = HttpServers.port(server);
    String id = UUID.randomUUID().toString();
    Master master = onLoop(loop, () -> new Master(id, advertised, advertisedIp, port, loop, allocator,
        options.allocator(),
        settings, options.schedulerHeartbeat().toMillis() / 1000.0));
    if (options.workDir() != null) {
      var registry = new Registry(options.workDir());
      onLoop(loop, () -> {
        master.recover(registry, options.agentReregisterTimeout().toMillis());
        return null;
      });
    }
    var agents = new AgentEndpoints(master, options.agentHeartbeat().toMillis() / 1000.0);
    Security security = options.security();
    handler.stream("POST", SchedulerConnection.PATH, security.guard(new SchedulerApi(master, security)))
        .stream("POST", AgentProtocol.REGISTER, security.guard(agents.register()))
        .stream("POST", AgentProtocol.HEARTBEAT, security.guard(agents.heartbeat()))
        .stream("POST", AgentProtocol.UPDATE, security.guard(agents.update()))
        .stream("GET", "/master/state", (request, body, response, callback) -> {
          loop.execute(() -> JsonHandler.send(response, callback, Reply.json(200, StateJson.state(master))));
          return null;
        })
        .stream("GET", "/metrics/snapshot", (request, body, response, callback) -> {
          loop.execute(() -> JsonHandler.send(response, callback, Reply.json(200, StateJson.metrics(master))));
          return null;
        })
        .stream("GET", "/metrics/history", (request, body, response, callback) -> {
          loop.execute(() -> JsonHandler.send(response, callback, Reply.json(200, HistoryJson.write(history, fid -> {
            Entries.Framework f = master.frameworkOf(fid);
            return f == null ? null : new HistoryJson.Label(f.info.getName(), Master.roleOf(f.info));
          }))));
          return null;
        });
    WebUi.routes(handler);
    handler.ready();
    Runnable sample = () -> history.add(MetricsSample.of(master, System.currentTimeMillis() / 1000.0));
    loop.execute(sample);
    loop.every(sample, history.intervalMillis());
    long timeoutMicros = options.agentTimeout().toNanos() / 1_000;
    loop.every(() -> agents.checkHeartbeats(timeoutMicros), Math.max(100, options.agentHeartbeat().toMillis()));
    LOG.info("master " + id + " listening on " + options.ip() + ":" + port + ", advertised as " + advertised + ":"
        + port + ", with allocator " + options.allocator());
    return new MasterRuntime(loop, master, server);
  }

  private static <T> T onLoop(EventLoop loop, java.util.function.Supplier<T> work) throws Exception {
    var result = new CompletableFuture<T>();
    loop.execute(() -> {
      try {
        result.complete(work.get());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result.get(10, TimeUnit.SECONDS);
  }

  /** Return the port the master listens on. */
  public int port() {
    return HttpServers.port(server);
  }

  /** Return the master's id. */
  public String id() {
    return master.id;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "cannot stop the master's HTTP server", e);
    }
    loop.close();
  }
}
