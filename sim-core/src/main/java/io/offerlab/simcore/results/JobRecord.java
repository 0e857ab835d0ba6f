package io.offerlab.simcore.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One row of {@code jobs.csv}. Times are seconds of simulated time; NaN means "did not happen".
 *
 * @param id the job id
 * @param framework the framework (or trace user) that ran it
 * @param kind batch, service or gang
 * @param arrival arrival time
 * @param tasks the number of tasks
 * @param outcome COMPLETED, FAILED, KILLED or UNFINISHED
 * @param waitTime first start minus arrival, NaN if it never started
 * @param jct finish minus arrival, NaN if it never finished
 */
public record JobRecord(String id, String framework, String kind, double arrival, int tasks, String outcome,
    double waitTime, double jct) {
  private static final Set<String> OUTCOMES = Set.of("COMPLETED", "FAILED", "KILLED", "UNFINISHED");

  /**
   * Returns the job's run time, first task start to finish (its completion time less its wait), NaN if it did not
   * finish; the Mesos paper's Table 4 sums these.
   */
  public double runTime() {
    return jct - waitTime;
  }

  /** Returns whether the job completed with a completion time. */
  public boolean completed() {
    return "COMPLETED".equals(outcome) && !Double.isNaN(jct);
  }

  /** Reads a jobs.csv in file order, streaming it. */
  public static List<JobRecord> read(Path file) {
    String name = file.toString();
    List<JobRecord> jobs = new ArrayList<>();
    int[] c = new int[8];
    List<List<String>> header = new ArrayList<>();
    String[] columns = {ResultsKeys.JOB_ID, ResultsKeys.FRAMEWORK, ResultsKeys.KIND, ResultsKeys.ARRIVAL_S,
        ResultsKeys.TASKS_COLUMN, ResultsKeys.OUTCOME, ResultsKeys.WAIT_S, ResultsKeys.JCT_S};
    Csv.forEachRow(file, h -> {
      header.add(h);
      for (int i = 0; i < columns.length; i++) {
        c[i] = h.indexOf(columns[i]);
        if (c[i] < 0) {
          throw new ResultsException(name + ":1: expected a column named '" + columns[i] + "' in the header");
        }
      }
    }, (line, f) -> {
      List<String> h = header.get(0);
      String result = f[c[5]];
      if (!OUTCOMES.contains(result)) {
        throw new ResultsException(String.format(Locale.ROOT,
            "%s:%d: expected COMPLETED, FAILED, KILLED or UNFINISHED in column %d (outcome), found '%s'",
            name, line, c[5] + 1, result));
      }
      double taskCount = Csv.parse(name, line, h, c[4], f[c[4]]);
      if (Double.isNaN(taskCount) || taskCount < 0 || taskCount != Math.rint(taskCount)) {
        throw new ResultsException(String.format(Locale.ROOT,
            "%s:%d: expected a whole number of tasks in column %d (tasks), found '%s'", name, line, c[4] + 1,
            f[c[4]]));
      }
      jobs.add(new JobRecord(f[c[0]], f[c[1]].intern(), f[c[2]].intern(), Csv.parse(name, line, h, c[3], f[c[3]]),
          (int) taskCount, result.intern(), Csv.parse(name, line, h, c[6], f[c[6]]),
          Csv.parse(name, line, h, c[7], f[c[7]])));
    });
    return jobs;
  }
}
