package io.offerlab.realruntime.http;

import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Starts a Jetty server on one address with an idle timeout above the 15 s scheduler heartbeat (ARCHITECTURE 7.1). */
public final class HttpServers {
  private HttpServers() {
  }

  /** Start a server on {@code host:port} (port 0 picks a free one) with {@code handler}; returns it started. */
  public static Server start(String name, String host, int port, Handler handler, Duration idleTimeout)
      throws Exception {
    var threads = new QueuedThreadPool(64, 4);
    threads.setName(name);
    threads.setDaemon(true);
    var server = new Server(threads);
    var connector = new ServerConnector(server, 1, 1);
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(idleTimeout.toMillis());
    server.addConnector(connector);
    server.setHandler(handler);
    server.setStopTimeout(2_000);
    server.start();
    return server;
  }

  /** Return the port a started server listens on. */
  public static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }
}
