package io.offerlab.cli.replay;

import io.offerlab.realruntime.wire.BadMessageException;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.Workload;
import io.offerlab.workloads.Workloads;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;

/**
 * {@code offerlab replay}: replays a workload on a real cluster through a master's public scheduler API, one
 * {@link ReplayFramework} per workload framework, each task a {@link Burner}, and writes results.json, timeseries.csv
 * and jobs.csv through sim-core's results format with times in seconds since the replay started (after calibration).
 * Arrivals and work are divided by the speedup.
 */
public final class Replay {
  /** The sample interval of timeseries.csv, the simulator's default. */
  static final double SAMPLE_SECONDS = 1;

  /**
   * What to replay.
   *
   * @param master HOST:PORT
   * @param workload the workload spec
   * @param workloadOptions the reader's options
   * @param speedup divides arrivals and work
   * @param limit the most jobs replayed (0 = all)
   * @param allocator the master's allocator, as written into results.json
   * @param out the results folder
   */
  public record Options(String master, String workload, Map<String, String> workloadOptions, double speedup,
      int limit, String allocator, Path out) {
    /** Checks the values; errors name the option. */
    public Options {
      if (master == null || !master.matches("[^:/\\s]+:\\d{1,5}")) {
        throw new IllegalArgumentException("--master: expected HOST:PORT, found '" + master + "'");
      }
      if (!(speedup > 0) || Double.isInfinite(speedup)) {
        throw new IllegalArgumentException("--speedup: expected a number > 0, found " + speedup);
      }
      if (limit < 0) {
        throw new IllegalArgumentException("--limit: expected a number >= 0, found " + limit);
      }
      workloadOptions = Map.copyOf(workloadOptions);
    }
  }

  /**
   * What happened.
   *
   * @param jobs the jobs, in arrival order
   * @param complete whether every job ended
   * @param rates each calibrated agent's burner rate, bogo ops per CPU-second
   * @param startups the calibration tasks' launch latencies (ACCEPT sent to TASK_RUNNING received), seconds
   * @param decisionSeconds the frameworks' mean time from receiving an offer to the master's answer to theirs
   * @param offers offers made, accepted and declined as the frameworks saw them
   */
  public record Outcome(List<JobRow> jobs, boolean complete, Map<String, Double> rates, List<Double> startups,
      double decisionSeconds, long[] offers) {}

  /** One replayed job. */
  public record JobRow(String id, String framework, String role, String kind, double arrival, double firstStart,
      double finish, int tasks, int completed, int failed, int killed, String outcome) {}

  private Replay() {}

  /** Reads the workload's first {@code limit} jobs; bad input is an IllegalArgumentException naming it. */
  static List<Job> read(Options o) {
    List<Job> jobs = new ArrayList<>();
    try (Workload w = Workloads.open(o.workload(), new TreeMap<>(o.workloadOptions()))) {
      var it = w.jobs().iterator();
      while (it.hasNext() && (o.limit() == 0 || jobs.size() < o.limit())) {
        Job j = it.next();
        for (TaskSpec t : j.tasks()) {
          if (t.unbounded()) {
            throw new IllegalArgumentException(o.workload() + ": job " + j.id()
                + ": expected tasks with a duration, found an unbounded task (replay runs finite work only)");
          }
        }
        jobs.add(j);
      }
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException(o.workload() + ": expected at least one job, found none");
    }
    return jobs;
  }

  /**
   * Replays and writes the results; on an interrupt (Ctrl-C) or a lost master it writes what finished and returns
   * an incomplete outcome. IOException when the master cannot be reached at the start.
   */
  public static Outcome run(Options o, PrintWriter log) throws IOException, InterruptedException {
    List<Job> jobs = read(o);
    Calibration calibration;
    try {
      calibration = Calibration.run(o.master(), 2.5);
    } catch (BadMessageException e) {
      throw new IOException("the master sent a bad message: " + e.getMessage(), e);
    }
    calibration.rates().forEach((agent, rate) -> log.println(String.format(Locale.ROOT,
        "calibrated agent %s: %.0f bogo ops per CPU-second", agent, rate)));
    log.flush();
    ReplayClock clock = new ReplayClock();
    ReplayCounters counters = new ReplayCounters();
    Map<String, ReplayFramework> frameworks = new TreeMap<>();
    for (Job j : jobs) {
      frameworks.computeIfAbsent(j.framework(), n -> new ReplayFramework(o.master(), n, j.role(), clock,
          calibration, o.speedup(), counters));
    }
    List<Thread> threads = new ArrayList<>();
    List<ReplayJob> replayed = new ArrayList<>();
    ReplaySampler sampler = new ReplaySampler(clock, calibration, frameworks);
    boolean complete = false;
    try {
      for (ReplayFramework f : frameworks.values()) {
        try {
          f.subscribe();
        } catch (BadMessageException e) {
          throw new IOException("the master sent a bad message: " + e.getMessage(), e);
        }
        Thread t = new Thread(f, "replay-" + f.name());
        t.setDaemon(true);
        t.start();
        threads.add(t);
      }
      sampler.start();
      long start = jobs.get(0).arrivalMicros();
      for (Job j : jobs) {
        double at = (j.arrivalMicros() - start) / 1e6 / o.speedup();
        long waitMillis = (long) ((at - clock.seconds()) * 1000);
        if (waitMillis > 0) {
          Thread.sleep(waitMillis);
        }
        ReplayJob rj = new ReplayJob(j, clock.seconds());
        synchronized (replayed) {
          replayed.add(rj);
        }
        frameworks.get(j.framework()).submit(rj);
      }
      while (true) {
        boolean all = true;
        for (ReplayJob rj : replayed) {
          synchronized (frameworks.get(rj.job.framework())) {
            all &= rj.ended();
          }
        }
        if (all) {
          complete = true;
          break;
        }
        for (ReplayFramework f : frameworks.values()) {
          if (f.failure() != null) {
            log.println("offerlab replay: framework " + f.name() + " lost the master: " + f.failure().getMessage());
            log.flush();
            return finish(o, replayed, frameworks, threads, sampler, counters, calibration, clock, false);
          }
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      log.println("offerlab replay: interrupted; writing the results of the jobs that ended");
      log.flush();
    }
    return finish(o, replayed, frameworks, threads, sampler, counters, calibration, clock, complete);
  }

  private static Outcome finish(Options o, List<ReplayJob> replayed, Map<String, ReplayFramework> frameworks,
      List<Thread> threads, ReplaySampler sampler, ReplayCounters counters, Calibration calibration,
      ReplayClock clock, boolean complete) {
    double end = clock.seconds();
    sampler.stop(end);
    frameworks.values().forEach(ReplayFramework::teardown);
    threads.forEach(Thread::interrupt);
    List<JobRow> rows = new ArrayList<>();
    synchronized (replayed) {
      for (ReplayJob rj : replayed) {
        synchronized (frameworks.get(rj.job.framework())) {
          rows.add(new JobRow(rj.job.id(), rj.job.framework(), rj.job.role(),
              rj.job.kind().name().toLowerCase(Locale.ROOT), rj.arrival, rj.firstStart, rj.finish, rj.tasks,
              rj.completed, rj.failed, rj.killed, rj.outcome));
        }
      }
    }
    Map<String, String> roles = new LinkedHashMap<>();
    frameworks.values().forEach(f -> roles.put(f.name(), f.role()));
    ReplayResults.write(o, rows, roles, sampler, counters, calibration, end);
    long made = counters.made.get();
    return new Outcome(rows, complete, calibration.rates(), calibration.startups(),
        made == 0 ? Double.NaN : counters.decisionNanos.get() / 1e9 / made,
        new long[] {made, counters.accepted.get(), counters.declined.get()});
  }
}
