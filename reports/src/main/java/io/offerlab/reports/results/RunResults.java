package io.offerlab.reports.results;

import io.offerlab.simcore.results.JobRecord;
import io.offerlab.simcore.results.Perf;
import io.offerlab.simcore.results.ResultsException;
import io.offerlab.simcore.results.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one simulation wrote to its folder: results.json, timeseries.csv, jobs.csv and perf.json.
 *
 * @param folder the run folder
 * @param name the label used in charts and tables (the allocator name in a comparison)
 * @param summary results.json
 * @param series timeseries.csv
 * @param jobs jobs.csv
 * @param perf perf.json (NaN fields when absent)
 */
public record RunResults(Path folder, String name, RunSummary summary, TimeSeries series, List<JobRecord> jobs,
    Perf perf) {

  /** Copies the job list. */
  public RunResults {
    jobs = List.copyOf(jobs);
  }

  /** Reads a run folder; results.json, timeseries.csv and jobs.csv are required, perf.json is optional. */
  public static RunResults read(Path folder, String name) {
    if (!Files.isDirectory(folder)) {
      throw new ResultsException(folder + ": expected a run folder with results.json, found none");
    }
    return new RunResults(folder, name, RunSummary.read(folder.resolve("results.json")),
        TimeSeries.read(folder.resolve("timeseries.csv")), JobRecord.read(folder.resolve("jobs.csv")),
        Perf.readIfPresent(folder.resolve("perf.json")));
  }
}
