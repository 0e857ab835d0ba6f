package io.offerlab.cli.replay;

import io.offerlab.simcore.results.AtomicFiles;
import io.offerlab.simcore.results.Csv;
import io.offerlab.simcore.results.JobRecord;
import io.offerlab.simcore.results.JsonWriter;
import io.offerlab.simcore.results.Numbers;
import io.offerlab.simcore.results.Results;
import io.offerlab.simcore.results.ResultsJson;
import io.offerlab.simcore.results.ResultsKeys;
import io.offerlab.simcore.results.TimeSeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fidelity report: per-job completion times of the replay ({@code real/}) against the simulation ({@code sim/})
 * with the median and p95 of the absolute relative error |sim - real| / real (nearest rank), CPU utilisation and
 * dominant shares over time side by side, offers made, accepted and declined, and the calibration: the fitted
 * decision time, the measured task start-up time, and the mean JCT gap it leaves.
 *
 * @param jobs the compared jobs: id, real JCT, simulated JCT, relative error
 * @param medianError the median absolute relative JCT error
 * @param p95Error the p95 absolute relative JCT error
 * @param meanGapSeconds the mean of real minus simulated JCT
 * @param hostCpus the host's CPUs
 * @param agentCpus the CPUs given to the agents
 * @param decisionSeconds the fitted decision time
 * @param startupSeconds the median task start-up time (ACCEPT to TASK_RUNNING)
 * @param rates the burner's calibrated rates
 * @param realOffers made, accepted, declined in the replay
 * @param simOffers made, accepted, declined in the simulation
 */
public record FidelityReport(List<Row> jobs, double medianError, double p95Error, double meanGapSeconds,
    int hostCpus, double agentCpus, double decisionSeconds, double startupSeconds, Map<String, Double> rates,
    long[] realOffers, long[] simOffers) {
  /** The fidelity folder's files. */
  public static final String JOBS = "fidelity-jobs.csv";
  /** Utilisation and shares over time. */
  public static final String TIMESERIES = "fidelity-timeseries.csv";
  /** Offer counts. */
  public static final String OFFERS = "fidelity-offers.csv";
  /** The summary numbers. */
  public static final String JSON = "fidelity.json";
  /** The readable report. */
  public static final String MARKDOWN = "fidelity.md";
  /** The JCT scatter plot. */
  public static final String SCATTER = "jct-scatter.svg";

  /** One compared job. */
  public record Row(String id, double real, double sim) {
    /** Returns |sim - real| / real. */
    public double error() {
      return Math.abs(sim - real) / real;
    }
  }

  /** Compares {@code dir/real} with {@code dir/sim}. */
  static FidelityReport build(Path dir, int hostCpus, double agentCpus, double decision, double startup,
      Map<String, Double> rates, long[] realOffers) {
    Map<String, Double> sim = new HashMap<>();
    for (JobRecord j : JobRecord.read(dir.resolve("sim").resolve(ResultsKeys.JOBS_CSV))) {
      if (j.completed()) {
        sim.put(j.id(), j.jct());
      }
    }
    List<Row> rows = new ArrayList<>();
    double gap = 0;
    for (JobRecord j : JobRecord.read(dir.resolve("real").resolve(ResultsKeys.JOBS_CSV))) {
      Double s = sim.get(j.id());
      if (j.completed() && s != null) {
        rows.add(new Row(j.id(), j.jct(), s));
        gap += j.jct() - s;
      }
    }
    double[] errors = rows.stream().mapToDouble(Row::error).sorted().toArray();
    Results.OfferCounts o = ResultsJson.read(dir.resolve("sim").resolve(ResultsKeys.RESULTS_JSON)).summary().offers();
    return new FidelityReport(rows, errors.length == 0 ? Double.NaN : ReplayResults.rank(errors, 0.5),
        errors.length == 0 ? Double.NaN : ReplayResults.rank(errors, 0.95), rows.isEmpty() ? Double.NaN
        : gap / rows.size(), hostCpus, agentCpus, decision, startup, Map.copyOf(rates), realOffers,
        new long[] {o.made(), o.accepted(), o.declined()});
  }

  /** Writes the CSVs, fidelity.json, fidelity.md and the scatter plot into {@code dir}. */
  void write(Path dir) {
    StringBuilder jobsCsv = new StringBuilder("job_id,real_jct_s,sim_jct_s,abs_rel_error\n");
    for (Row r : jobs) {
      jobsCsv.append(Csv.line(List.of(r.id(), Numbers.format(r.real()), Numbers.format(r.sim()),
          Numbers.format(r.error())))).append('\n');
    }
    AtomicFiles.write(dir.resolve(JOBS), jobsCsv.toString());
    AtomicFiles.write(dir.resolve(TIMESERIES), timeseries(dir));
    AtomicFiles.write(dir.resolve(OFFERS), "run,made,accepted,declined\n"
        + "real," + realOffers[0] + "," + realOffers[1] + "," + realOffers[2] + "\n"
        + "sim," + simOffers[0] + "," + simOffers[1] + "," + simOffers[2] + "\n");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("jobsCompared", (long) jobs.size());
    json.put("medianAbsRelJctError", medianError);
    json.put("p95AbsRelJctError", p95Error);
    json.put("meanJctGapSeconds", meanGapSeconds);
    json.put("hostCpus", (long) hostCpus);
    json.put("agentCpus", agentCpus);
    json.put("reservedCpus", hostCpus - agentCpus);
    json.put("fittedDecisionSeconds", decisionSeconds);
    json.put("taskStartupSeconds", startupSeconds);
    AtomicFiles.write(dir.resolve(JSON), JsonWriter.write(json));
    AtomicFiles.write(dir.resolve(SCATTER), Scatter.svg(jobs));
    AtomicFiles.write(dir.resolve(MARKDOWN), markdown());
  }

  private static String timeseries(Path dir) {
    TimeSeries real = TimeSeries.read(dir.resolve("real").resolve(ResultsKeys.TIMESERIES_CSV));
    TimeSeries sim = TimeSeries.read(dir.resolve("sim").resolve(ResultsKeys.TIMESERIES_CSV));
    List<String> header = new ArrayList<>(List.of("time_s", "real_cpu_allocated", "sim_cpu_allocated"));
    for (String f : real.frameworks()) {
      header.add("real_share:" + f);
      header.add("sim_share:" + f);
    }
    StringBuilder out = new StringBuilder(Csv.line(header)).append('\n');
    double[] rt = real.time();
    double[] st = sim.time();
    double[] rc = real.fraction("cpus_allocated", "cpus_total");
    double[] sc = sim.fraction("cpus_allocated", "cpus_total");
    int rows = Math.max(rt.length, st.length);
    for (int i = 0; i < rows; i++) {
      double t = i < rt.length ? rt[i] : st[i];
      List<String> line = new ArrayList<>(List.of(Numbers.format(t), at(rt, rc, t), at(st, sc, t)));
      for (String f : real.frameworks()) {
        line.add(at(rt, real.dominantShare(f), t));
        line.add(at(st, sim.dominantShare(f), t));
      }
      out.append(Csv.line(line)).append('\n');
    }
    return out.toString();
  }

  /** The value of the last sample at or before {@code t}; empty after the run's end. */
  private static String at(double[] times, double[] values, double t) {
    if (times.length == 0 || t > times[times.length - 1] + 1e-9) {
      return "";
    }
    int k = -1;
    for (int i = 0; i < times.length && times[i] <= t + 1e-9; i++) {
      k = i;
    }
    return k < 0 ? "" : Numbers.format(values[k]);
  }

  private String markdown() {
    StringBuilder md = new StringBuilder("# Fidelity: replay against simulation\n\n");
    md.append(String.format(Locale.ROOT, "- jobs compared: %d%n", jobs.size()));
    md.append(String.format(Locale.ROOT, "- JCT error |sim - real| / real: median %s, p95 %s%n",
        Numbers.percent(medianError), Numbers.percent(p95Error)));
    md.append(String.format(Locale.ROOT, "- mean JCT gap (real - sim): %s s%n", Numbers.fixed(meanGapSeconds, 3)));
    md.append(String.format(Locale.ROOT, "- host CPUs %d, given to agents %s, left out for the master, agents and"
        + " frameworks %s%n", hostCpus, Numbers.format(agentCpus), Numbers.format(hostCpus - agentCpus)));
    md.append(String.format(Locale.ROOT, "- fitted decision time (simulator `frameworks.default.tJob`): %s s%n",
        Numbers.fixed(decisionSeconds, 4)));
    md.append(String.format(Locale.ROOT, "- measured task start-up (ACCEPT to TASK_RUNNING, median): %s s%n",
        Numbers.fixed(startupSeconds, 3)));
    rates.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> md.append(String.format(Locale.ROOT,
        "- burner rate on agent %s: %s bogo ops per CPU-second%n", e.getKey(), Numbers.format(e.getValue()))));
    md.append("\n| run | offers made | accepted | declined |\n|---|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| real | %d | %d | %d |%n| sim | %d | %d | %d |%n", realOffers[0],
        realOffers[1], realOffers[2], simOffers[0], simOffers[1], simOffers[2]));
    md.append("\nFiles: `" + JOBS + "` (per job), `" + SCATTER + "` (scatter), `" + TIMESERIES
        + "` (CPU utilisation and dominant shares over time), `" + OFFERS + "`, `real/` and `sim/` (results files),"
        + " `sim-config.yaml` (the fitted settings: `offerlab simulate --config sim-config.yaml`).\n");
    return md.toString();
  }
}
