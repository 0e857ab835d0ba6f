package io.offerlab.cli.replay;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A master and N agents on loopback for {@code offerlab fidelity}, each an {@code offerlab} JVM of this class path
 * with its output in a log folder; stopped with SIGTERM (agents kill their tasks and remove their cgroups), then
 * SIGKILL after 20 s.
 */
final class LocalCluster implements AutoCloseable {
  private final List<Process> processes = new ArrayList<>();
  private final String master;

  private LocalCluster(String master) {
    this.master = master;
  }

  /** Starts the master and the agents and waits until all agents registered. */
  static LocalCluster start(Path dir, String allocator, String interval, int agents, String resources,
      String mainClass) throws IOException, InterruptedException {
    int port = freePort();
    LocalCluster c = new LocalCluster("127.0.0.1:" + port);
    try {
      c.spawn(dir, "master", mainClass, "master", "--port", Integer.toString(port), "--allocator", allocator,
          "--allocation-interval", interval);
      for (int i = 1; i <= agents; i++) {
        c.spawn(dir, "agent" + i, mainClass, "agent", "--master", c.master, "--port", Integer.toString(freePort()),
            "--work-dir", dir.resolve("agent" + i).toString(), "--resources", resources);
      }
      c.awaitAgents(agents);
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  String master() {
    return master;
  }

  private void spawn(Path dir, String name, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    Files.createDirectories(dir);
    processes.add(new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start());
  }

  private void awaitAgents(int agents) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String last = "";
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IOException("a process of the local cluster exited with " + p.exitValue()
              + " before the agents registered (see its log)");
        }
      }
      try {
        last = http.send(HttpRequest.newBuilder(URI.create("http://" + master + "/metrics/snapshot")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(last);
        if (tree.path("master/slaves_active").asDouble() >= agents) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(200);
    }
    throw new IOException("the agents did not register within 60 s: " + last);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops the agents, then the master. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
