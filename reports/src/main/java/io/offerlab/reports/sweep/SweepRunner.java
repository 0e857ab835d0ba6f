package io.offerlab.reports.sweep;

import io.offerlab.reports.ParallelRuns;
import io.offerlab.simcore.results.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Runs sweep cells in parallel and resumably. A cell is done when {@code runs/<id>/results.json} exists; a cell runs
 * into {@code runs/<id>.tmp} and is renamed into place only when it has finished, so an interrupted sweep leaves no
 * half-written run that looks complete, and a rerun skips exactly the finished cells. When the sweep stops early, runs
 * in flight are waited for and left unpublished, so nothing is written after {@link #run} returns.
 */
public final class SweepRunner {
  /** Runs one simulation. */
  @FunctionalInterface
  public interface Simulator {
    /** Checks the sweep before any run (names, keys); fails with a {@link SweepException}. By default checks nothing. */
    default void check(SweepConfig config) {}

    /**
     * Simulates a cell into {@code outDir}, which must end up holding results.json.
     *
     * @param config the sweep
     * @param cell the cell
     * @param configFile the per-run configuration override (YAML), or null when there is none
     * @param outDir the folder to write the results files to
     */
    void run(SweepConfig config, SweepCell cell, Path configFile, Path outDir) throws Exception;
  }

  /** Hears about finished cells, on the thread that called {@link #run}. */
  @FunctionalInterface
  public interface Listener {
    /** Ignores everything. */
    Listener NONE = (cell, done, total) -> { };

    /** Called after each cell that ran (skipped cells are not reported). */
    void finished(SweepCell cell, int done, int total);
  }

  private SweepRunner() {}

  /** Returns the folder of a cell's results under the sweep folder. */
  public static Path runFolder(Path out, SweepCell cell) {
    return out.resolve("runs").resolve(cell.id());
  }

  /** Returns whether the cell's results exist under the sweep folder. */
  public static boolean isDone(Path out, SweepCell cell) {
    return Files.exists(runFolder(out, cell).resolve("results.json"));
  }

  /**
   * Runs the cells that are not done yet on {@code threads} threads and returns how many ran. The first failure
   * stops the sweep: cells not started are not run, and the failure is rethrown naming the cell.
   */
  public static int run(SweepConfig config, List<SweepCell> cells, Path out, int threads, Simulator simulator,
      Listener listener) {
    List<SweepCell> pending = cells.stream().filter(c -> !isDone(out, c)).toList();
    if (pending.isEmpty()) {
      return 0;
    }
    ParallelRuns.run("sweep", pending, threads, ParallelRuns.Order.COMPLETED,
        cell -> runOne(config, cell, out, simulator), listener::finished);
    return pending.size();
  }

  private static void runOne(SweepConfig config, SweepCell cell, Path out, Simulator simulator) throws Exception {
    Path target = runFolder(out, cell);
    Path tmp = target.resolveSibling(cell.id() + ".tmp");
    deleteTree(tmp);
    Path configFile = null;
    var override = config.override(cell.parameters());
    if (!override.isEmpty()) {
      configFile = out.resolve("configs").resolve(cell.id() + ".yaml");
      AtomicFiles.write(configFile, SweepConfig.yaml(override));
    }
    Files.createDirectories(tmp);
    boolean published = false;
    try {
      try {
        simulator.run(config, cell, configFile, tmp);
      } catch (IllegalArgumentException e) {
        throw new SweepException("sweep run " + cell.id() + ": " + e.getMessage());
      }
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      if (!Files.exists(tmp.resolve("results.json"))) {
        throw new IllegalStateException("sweep run " + cell.id() + " wrote no results.json");
      }
      deleteTree(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      published = true;
    } finally {
      if (!published) {
        deleteTree(tmp);
      }
    }
  }

  private static void deleteTree(Path dir) {
    try {
      ParallelRuns.deleteTree(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
