package io.offerlab.reports.compare;

import io.offerlab.reports.charts.ChartFile;
import io.offerlab.reports.charts.ComparisonCharts;
import io.offerlab.reports.results.RunResults;
import io.offerlab.reports.results.RunSummary;
import io.offerlab.simcore.results.AtomicFiles;
import io.offerlab.simcore.results.ResultsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Renders a comparison folder from its results files alone: summary.csv, frameworks.csv, summary.md, charts/*.png and
 * *.svg, and index.html (docs/results-schema.md, "compare output"). It never simulates, so re-rendering is cheap and
 * gives the same files.
 *
 * <p>The runs are the subfolders listed in compare.json, in order; without it, every subfolder holding a
 * results.json, by name; and a folder that itself holds a results.json (one {@code simulate} run) is a report of one.
 */
public final class ComparisonReport {
  private ComparisonReport() {}

  /** Renders the folder with the default options: the first allocator as baseline and the top 8 frameworks. */
  public static ComparisonSummary render(Path dir) {
    return render(dir, null, ComparisonCharts.DEFAULT_TOP_FRAMEWORKS);
  }

  /**
   * Renders the folder.
   *
   * @param dir the comparison folder (or a single run folder)
   * @param baseline the run to measure speedups against, or null for the first
   * @param topFrameworks how many frameworks charts draw individually before grouping the rest as "other"
   * @return the numbers shown in the tables
   */
  public static ComparisonSummary render(Path dir, String baseline, int topFrameworks) {
    if (!Files.isDirectory(dir)) {
      throw new ResultsException(dir + ": no such folder");
    }
    Optional<CompareManifest> manifest = CompareManifest.read(dir);
    List<Long> seeds = manifest.map(CompareManifest::seeds).orElse(List.of());
    List<List<RunResults>> bySeed = new ArrayList<>();
    if (seeds.isEmpty()) {
      bySeed.add(load(dir, manifest));
    } else {
      for (Long seed : seeds) {
        List<RunResults> runs = new ArrayList<>();
        for (String allocator : manifest.get().allocators()) {
          runs.add(RunResults.read(CompareManifest.runFolder(dir, allocator, seed), allocator));
        }
        bySeed.add(runs);
      }
    }
    if (baseline != null) {
      for (List<RunResults> runs : bySeed) {
        RunResults first = runs.stream().filter(r -> r.name().equals(baseline)).findFirst().orElseThrow(() ->
            new ResultsException("--baseline: expected one of " + runs.stream().map(RunResults::name).toList()
                + ", found '" + baseline + "'"));
        runs.remove(first);
        runs.add(0, first);
      }
    }
    List<RunResults> runs = bySeed.get(0);
    Path charts = dir.resolve("charts");
    clearCharts(charts);
    List<ChartFile> files = ComparisonCharts.render(runs, charts, topFrameworks);
    List<ComparisonSummary> summaries = new ArrayList<>();
    bySeed.forEach(r -> summaries.add(ComparisonSummary.of(r)));
    ComparisonSummary summary = summaries.get(0);
    SeedStatistics stats = seeds.isEmpty() ? null : SeedStatistics.of(seeds, summaries);
    RunSummary first = runs.get(0).summary();
    String title = runs.size() == 1 ? "Offerlab run: " + first.allocator() + " on " + first.workload()
        : "Offerlab comparison: " + first.workload();
    String command = manifest.map(CompareManifest::command).filter(c -> !c.isBlank())
        .orElseGet(() -> reconstruct(runs, dir));
    AtomicFiles.write(dir.resolve("summary.csv"), SummaryTables.summaryCsv(summaries));
    AtomicFiles.write(dir.resolve("frameworks.csv"), SummaryTables.frameworksCsv(summaries));
    String lead = SeedHeadline.sentence(first.workload(), summary, stats);
    String preamble = lead + "\n\n";
    if (stats != null) {
      AtomicFiles.write(dir.resolve(SeedTables.CI_FILE), SeedTables.csv(stats));
      preamble += SeedTables.markdown(stats) + "\n## Seed " + seeds.get(0) + "\n\nThe tables below and the charts"
          + " show the first seed; summary.csv and frameworks.csv have every seed.\n\n";
    } else {
      deleteIfPresent(dir.resolve(SeedTables.CI_FILE));
    }
    String markdown = SummaryTables.markdown(summary, title, preamble);
    AtomicFiles.write(dir.resolve("summary.md"), markdown);
    AtomicFiles.write(dir.resolve("index.html"), HtmlReport.render(dir, title, runs, summary, files, command,
        manifest.map(CompareManifest::configText).orElse(null), lead, stats));
    return summary;
  }

  private static List<RunResults> load(Path dir, Optional<CompareManifest> manifest) {
    List<RunResults> runs = new ArrayList<>();
    if (manifest.isPresent()) {
      for (String allocator : manifest.get().allocators()) {
        runs.add(RunResults.read(dir.resolve(allocator), allocator));
      }
      return runs;
    }
    if (Files.exists(dir.resolve("results.json"))) {
      runs.add(RunResults.read(dir, RunSummary.read(dir.resolve("results.json")).allocator()));
      return runs;
    }
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.filter(p -> Files.exists(p.resolve("results.json"))).sorted().toList()) {
        runs.add(RunResults.read(child, child.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (runs.isEmpty()) {
      throw new ResultsException(dir + ": expected compare.json, results.json or run subfolders with results.json,"
          + " found none");
    }
    return runs;
  }

  /** Returns the headline sentence of a rendered comparison folder (the first paragraph of its summary.md). */
  public static String headline(Path dir) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("summary.md"));
      return lines.size() > 2 ? lines.get(2) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteIfPresent(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void clearCharts(Path charts) {
    if (!Files.isDirectory(charts)) {
      return;
    }
    try (Stream<Path> files = Files.list(charts)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".png") || name.endsWith(".svg")) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String reconstruct(List<RunResults> runs, Path dir) {
    RunSummary first = runs.get(0).summary();
    List<String> args = new ArrayList<>(List.of("./offerlab", runs.size() == 1 ? "simulate" : "compare",
        "--workload", first.workload()));
    if (runs.size() == 1) {
      args.addAll(List.of("--allocator", first.allocator()));
    } else {
      args.addAll(List.of("--allocators", String.join(",", runs.stream().map(r -> r.summary().allocator()).toList())));
    }
    args.addAll(List.of("--cluster", first.cluster(), "--seed", Long.toString(first.seed()), "--out", dir.toString()));
    return CompareManifest.commandLine(args);
  }
}
