package io.offerlab.reports.compare;

import io.offerlab.allocators.Allocators;
import io.offerlab.reports.ParallelRuns;
import io.offerlab.reports.charts.ComparisonCharts;
import io.offerlab.simcore.ProgressListener;
import io.offerlab.simcore.RunResult;
import io.offerlab.simcore.RunSpec;
import io.offerlab.simcore.Simulations;
import io.offerlab.simcore.results.ResultsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code offerlab compare}: runs every allocator on the same workload, cluster and seed (common random numbers, so the
 * differences are the allocators' and not noise), in parallel, one subfolder each, then renders the report. Each run
 * is its own simulation object with its own seeded streams, so running them side by side changes no result.
 */
public final class Comparison {
  /**
   * What to compare.
   *
   * @param workload the workload spec
   * @param workloadOptions options passed to the workload reader
   * @param allocators the allocators, baseline first
   * @param cluster the cluster spec, or null for the workload's hint or the config's default
   * @param config a YAML configuration override, or null
   * @param seed the seed every run shares (without {@code seeds})
   * @param command the command line that reproduces the comparison, shown in index.html
   * @param seeds the seeds to run every allocator on, each into {@code ALLOCATOR/seed-N}; empty for the one
   *     {@code seed}, into {@code ALLOCATOR}
   */
  public record Request(String workload, Map<String, String> workloadOptions, List<String> allocators, String cluster,
      Path config, long seed, String command, List<Long> seeds) {
    /** Copies the collections. */
    public Request {
      workloadOptions = Map.copyOf(workloadOptions);
      allocators = List.copyOf(allocators);
      seeds = List.copyOf(seeds);
    }

    /** A one-seed request. */
    public Request(String workload, Map<String, String> workloadOptions, List<String> allocators, String cluster,
        Path config, long seed, String command) {
      this(workload, workloadOptions, allocators, cluster, config, seed, command, List.of());
    }
  }

  /** One run of a comparison: an allocator on a seed (null: the one-seed layout). */
  private record Item(String allocator, Long seed) {}

  /** Hears about finished runs, on the calling thread. */
  @FunctionalInterface
  public interface Listener {
    /** Ignores everything. */
    Listener NONE = (allocator, done, total) -> { };

    /** Called after each allocator's run finishes. */
    void finished(String allocator, int done, int total);

    /** Called with each distinct warning (one line, starting {@code warning:}) once the runs are done. */
    default void warning(String message) {}
  }

  private Comparison() {}

  /** Runs the comparison into {@code out} on up to {@code threads} threads and renders the report. */
  public static ComparisonSummary run(Request request, Path out, int threads, Listener listener) {
    validate(request);
    String configText = null;
    if (request.config() != null) {
      try {
        configText = Files.readString(request.config());
      } catch (IOException e) {
        throw new ResultsException("--config: cannot read " + request.config() + ": " + e.getMessage());
      }
    }
    boolean created = !Files.exists(out);
    List<String> stale = staleRuns(out, request.allocators());
    Set<String> warnings = Collections.synchronizedSet(new LinkedHashSet<>());
    List<Item> items = new java.util.ArrayList<>();
    for (String allocator : request.allocators()) {
      if (request.seeds().isEmpty()) {
        items.add(new Item(allocator, null));
      } else {
        request.seeds().forEach(seed -> items.add(new Item(allocator, seed)));
      }
    }
    try {
      Files.createDirectories(out);
      ParallelRuns.run("compare", items, threads, ParallelRuns.Order.SUBMITTED,
          item -> runOne(request, item, out, warnings),
          (item, done, total) -> listener.finished(item.allocator(), done, total));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (created) {
        ParallelRuns.deleteIfEmpty(out);
      }
      throw e;
    }
    if (!stale.isEmpty()) {
      warnings.add("warning: " + out + " also holds run folders " + stale + " from another comparison; the report "
          + "shows only " + request.allocators());
    }
    new CompareManifest(request.allocators(), request.command(), configText, request.seeds()).write(out);
    ComparisonSummary summary = ComparisonReport.render(out, null, ComparisonCharts.DEFAULT_TOP_FRAMEWORKS);
    List.copyOf(warnings).forEach(listener::warning);
    return summary;
  }

  private static void validate(Request request) {
    if (request.allocators().isEmpty()) {
      throw new ResultsException("--allocators: expected at least one allocator name");
    }
    if (new HashSet<>(request.seeds()).size() != request.seeds().size()) {
      throw new ResultsException("--seeds: expected distinct seeds, found " + request.seeds());
    }
    if (new HashSet<>(request.allocators()).size() != request.allocators().size()) {
      throw new ResultsException("--allocators: expected distinct names, found " + request.allocators());
    }
    for (String allocator : request.allocators()) {
      if (!allocator.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw new ResultsException("--allocators: expected names of letters, digits, '.', '_' or '-', found '"
            + allocator + "'");
      }
      try {
        Allocators.spec(allocator);
      } catch (IllegalArgumentException e) {
        throw new ResultsException("--allocators: " + e.getMessage());
      }
    }
  }

  /** Returns the run folders (subfolders with results.json) in {@code out} that this comparison will not write. */
  static List<String> staleRuns(Path out, List<String> allocators) {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(out)) {
      return children.filter(p -> Files.exists(p.resolve("results.json")))
          .map(p -> p.getFileName().toString()).filter(name -> !allocators.contains(name)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void runOne(Request request, Item item, Path out, Set<String> warnings) throws IOException {
    String allocator = item.allocator();
    Path target = CompareManifest.runFolder(out, allocator, item.seed());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    ParallelRuns.deleteTree(tmp);
    boolean published = false;
    try {
      Files.createDirectories(target.getParent());
      long seed = item.seed() == null ? request.seed() : item.seed();
      RunResult result = Simulations.run(new RunSpec(request.workload(), request.workloadOptions(), allocator,
          request.cluster(), request.config(), seed), tmp, ProgressListener.NONE);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      ParallelRuns.deleteTree(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      published = true;
      result.warnings().forEach(warnings::add);
    } finally {
      if (!published) {
        ParallelRuns.deleteTree(tmp);
      }
    }
  }
}
