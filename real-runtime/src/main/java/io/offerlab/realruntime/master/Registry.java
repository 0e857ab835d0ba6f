package io.offerlab.realruntime.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.realruntime.wire.BadMessageException;
import io.offerlab.realruntime.wire.ProtoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;

/**
 * The master's registry under {@code --work-dir}, as Mesos' registrar keeps one: the registered agents (their
 * AgentInfo with id) and frameworks (their FrameworkInfo with id, principal, roles and failover timeout) in
 * {@code registry.json}, rewritten whole on every change through a synced temporary file and an atomic rename, so a
 * master killed at any moment leaves the old file or the new one. Tasks are not in it: agents report them when they
 * re-register.
 */
final class Registry {
  /** What a registry holds. */
  record State(List<AgentInfo> agents, List<FrameworkInfo> frameworks) {
  }

  private final Path file;
  private final Path temporary;

  Registry(Path workDir) {
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new IllegalArgumentException("--work-dir " + workDir + ": cannot create it: " + e.getMessage());
    }
    this.file = workDir.resolve("registry.json");
    this.temporary = workDir.resolve("registry.json.tmp");
  }

  /** Read the registry; an absent one is empty; a damaged one is an error naming the file and the field. */
  State load() {
    if (!Files.exists(file)) {
      return new State(List.of(), List.of());
    }
    try {
      JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(file));
      var agents = new ArrayList<AgentInfo>();
      JsonNode a = root.path("agents");
      for (int i = 0; i < a.size(); i++) {
        agents.add((AgentInfo) ProtoJson.parse(a.get(i), AgentInfo.newBuilder(), "agents[" + i + "]"));
      }
      var frameworks = new ArrayList<FrameworkInfo>();
      JsonNode f = root.path("frameworks");
      for (int i = 0; i < f.size(); i++) {
        frameworks.add((FrameworkInfo) ProtoJson.parse(f.get(i), FrameworkInfo.newBuilder(), "frameworks[" + i + "]"));
      }
      return new State(List.copyOf(agents), List.copyOf(frameworks));
    } catch (IOException | BadMessageException e) {
      throw new IllegalArgumentException(file + ": not a registry: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /** Replace the registry atomically with these agents and frameworks. */
  void store(Collection<AgentInfo> agents, Collection<FrameworkInfo> frameworks) {
    var text = new StringBuilder("{\"agents\":[");
    String sep = "";
    for (AgentInfo info : agents) {
      text.append(sep).append(ProtoJson.print(info));
      sep = ",";
    }
    text.append("],\"frameworks\":[");
    sep = "";
    for (FrameworkInfo info : frameworks) {
      text.append(sep).append(ProtoJson.print(info));
      sep = ",";
    }
    text.append("]}\n");
    try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
      out.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + temporary, e);
    }
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + file, e);
    }
  }
}
