package io.offerlab.reports.reproduce;

import io.offerlab.reports.ParallelRuns;
import io.offerlab.simcore.ProgressListener;
import io.offerlab.simcore.RunSpec;
import io.offerlab.simcore.Simulations;
import io.offerlab.simcore.results.Results;
import io.offerlab.simcore.results.ResultsJson;
import io.offerlab.simcore.results.TimeSeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a batch of simulations side by side, each into its own folder, and reads back what the tables need. */
final class SeedRuns {
  private SeedRuns() {}

  /** One run: what to simulate and where its files go. */
  record Item(RunSpec spec, Path folder) {}

  /** Runs every item on up to {@code threads} threads; returns their results in item order. */
  static List<Results> run(List<Item> items, int threads) {
    ParallelRuns.run("reproduce", items, threads, ParallelRuns.Order.SUBMITTED,
        item -> Simulations.run(item.spec(), item.folder(), ProgressListener.NONE), (item, done, total) -> { });
    List<Results> out = new ArrayList<>();
    for (Item item : items) {
      out.add(ResultsJson.read(item.folder().resolve("results.json")));
    }
    return out;
  }

  /** Returns a framework's summary from results, or null. */
  static Results.Framework framework(Results results, String name) {
    for (Results.Framework f : results.frameworks()) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }

  /**
   * Returns the mean of a timeseries column over the second half of the run's full-length rows (the steady state of
   * a run whose demand never runs out); the last row, shorter than the others, is left out.
   */
  static double steadyMean(Path folder, String column) {
    TimeSeries ts = TimeSeries.read(folder.resolve("timeseries.csv"));
    double[] v = ts.column(column);
    int end = v.length - 1;
    int start = end / 2;
    double sum = 0;
    for (int i = start; i < end; i++) {
      sum += v[i];
    }
    return end > start ? sum / (end - start) : Double.NaN;
  }
}
