package io.offerlab.reports.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offerlab.simcore.results.AtomicFiles;
import io.offerlab.simcore.results.Json;
import io.offerlab.simcore.results.ResultsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code compare} records in {@code compare.json} so that {@code report} can re-render without guessing: the
 * allocators in order (the first is the baseline), the exact command, and the text of the {@code --config} file.
 *
 * @param allocators the allocator names, one subfolder each, baseline first
 * @param command the command line that reproduces the comparison
 * @param configText the text of the --config file, or null when none was given
 * @param seeds the seeds of a comparison run with {@code --seeds} (runs in {@code ALLOCATOR/seed-N}), or empty for one
 *     seed (runs in {@code ALLOCATOR})
 */
public record CompareManifest(List<String> allocators, String command, String configText, List<Long> seeds) {
  /** The manifest's file name inside a comparison folder. */
  public static final String FILE = "compare.json";

  /** Copies the lists. */
  public CompareManifest {
    allocators = List.copyOf(allocators);
    seeds = List.copyOf(seeds);
  }

  /** A manifest of a one-seed comparison. */
  public CompareManifest(List<String> allocators, String command, String configText) {
    this(allocators, command, configText, List.of());
  }

  /** Returns the folder of one run: {@code ALLOCATOR/seed-N} with seeds, else {@code ALLOCATOR}. */
  public static Path runFolder(Path dir, String allocator, Long seed) {
    return seed == null ? dir.resolve(allocator) : dir.resolve(allocator).resolve("seed-" + seed);
  }

  /** Writes the manifest into the folder. */
  public void write(Path dir) {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode list = root.putArray("allocators");
    allocators.forEach(list::add);
    root.put("command", command);
    if (configText != null) {
      root.put("config", configText);
    }
    if (!seeds.isEmpty()) {
      ArrayNode seedList = root.putArray("seeds");
      seeds.forEach(seedList::add);
    }
    try {
      AtomicFiles.write(dir.resolve(FILE), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root)
          + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the manifest of a folder, if it has one. */
  public static Optional<CompareManifest> read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode root = Json.read(file);
    JsonNode list = root.path("allocators");
    if (!list.isArray() || list.isEmpty()) {
      throw new ResultsException(file + ": expected field allocators to list at least one allocator");
    }
    List<String> allocators = new ArrayList<>();
    list.forEach(n -> allocators.add(n.asText()));
    JsonNode config = root.path("config");
    List<Long> seeds = new ArrayList<>();
    JsonNode seedList = root.path("seeds");
    if (!seedList.isMissingNode()) {
      if (!seedList.isArray() || seedList.isEmpty()) {
        throw new ResultsException(file + ": expected field seeds to list at least one seed");
      }
      for (JsonNode seed : seedList) {
        if (!seed.canConvertToLong() || !seed.isIntegralNumber()) {
          throw new ResultsException(file + ": expected whole numbers in field seeds, found " + seed);
        }
        seeds.add(seed.asLong());
      }
    }
    return Optional.of(new CompareManifest(allocators, root.path("command").asText(""),
        config.isTextual() ? config.asText() : null, seeds));
  }

  /** Joins arguments into a POSIX shell command line, single-quoting those with special characters. */
  public static String commandLine(List<String> args) {
    StringBuilder out = new StringBuilder();
    for (String arg : args) {
      if (out.length() > 0) {
        out.append(' ');
      }
      if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_@%+=:,./-]+")) {
        out.append(arg);
      } else {
        out.append('\'').append(arg.replace("'", "'\\''")).append('\'');
      }
    }
    return out.toString();
  }
}
