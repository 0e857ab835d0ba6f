package io.offerlab.reports.reproduce;

import io.offerlab.simcore.results.AtomicFiles;
import io.offerlab.simcore.results.ResultsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code offerlab reproduce NAME --out DIR}: runs one paper's reproduction into {@code DIR/NAME/}, writing each table as
 * CSV, all of them with the paper's numbers beside the measured ones in {@code README.md}, and PNG figures. Nothing is
 * hard-coded but the papers' own numbers, shown as references: every other number comes from runs and solvers.
 */
public final class Reproductions {
  /** The reproductions, in the order the help lists them. */
  public static final List<String> NAMES = List.of("drf-paper", "mesos-paper", "omega-hoarding");
  /** The seeds every reproduction runs. */
  public static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);

  private Reproductions() {}

  /**
   * What a reproduction wrote.
   *
   * @param dir its folder
   * @param tables its tables
   * @param seconds the wall time it took
   */
  public record Outcome(Path dir, List<ReproTable> tables, double seconds) {}

  /** Runs the reproduction {@code name} into {@code out/name} on up to {@code threads} threads. */
  public static Outcome run(String name, Path out, int threads) {
    return run(name, out, threads, SEEDS);
  }

  /** Runs the reproduction {@code name} on the given seeds (tests use fewer). */
  public static Outcome run(String name, Path out, int threads, List<Long> seeds) {
    if (!NAMES.contains(name)) {
      throw new ResultsException("reproduce: expected one of " + String.join(", ", NAMES) + ", found '" + name + "'");
    }
    long start = System.nanoTime();
    Path dir = out.resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    List<ReproTable> tables = switch (name) {
      case "drf-paper" -> DrfPaper.run(dir, seeds, threads);
      case "mesos-paper" -> MesosPaper.run(dir, seeds, threads);
      default -> OmegaHoarding.run(dir, seeds, threads);
    };
    double seconds = (System.nanoTime() - start) / 1e9;
    StringBuilder md = new StringBuilder("# offerlab reproduce ").append(name).append("\n\n")
        .append("Measured numbers come from the simulations and solvers of this run; the paper's are references. ")
        .append("Seeds: ").append(seeds).append(". Regenerate with `./offerlab reproduce ").append(name)
        .append(" --out DIR`; docs/reproduce.md explains each table.\n\n");
    for (ReproTable t : tables) {
      t.writeCsv(dir);
      md.append(t.markdown());
    }
    md.append(String.format(Locale.ROOT, "Wall time of this reproduction: %.1f s.%n", seconds));
    AtomicFiles.write(dir.resolve("README.md"), md.toString());
    return new Outcome(dir, tables, seconds);
  }
}
