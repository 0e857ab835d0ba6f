package io.offerlab.cli.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Samples the replay every {@link Replay#SAMPLE_SECONDS}: cluster totals (the calibrated agents' resources), the CPUs
 * and memory each framework's running tasks hold, running and pending tasks. Used equals allocated (the burner uses
 * what it asks for); offered is not observed by frameworks between offers and is written as 0.
 */
final class ReplaySampler {
  private final ReplayClock clock;
  private final Calibration calibration;
  private final Map<String, ReplayFramework> frameworks;
  private final List<double[]> rows = new ArrayList<>();
  private Thread thread;

  ReplaySampler(ReplayClock clock, Calibration calibration, Map<String, ReplayFramework> frameworks) {
    this.clock = clock;
    this.calibration = calibration;
    this.frameworks = frameworks;
  }

  void start() {
    thread = new Thread(() -> {
      try {
        for (int k = 0; ; k++) {
          long wait = (long) ((k * Replay.SAMPLE_SECONDS - clock.seconds()) * 1000);
          if (wait > 0) {
            Thread.sleep(wait);
          }
          sample(k * Replay.SAMPLE_SECONDS);
        }
      } catch (InterruptedException e) {
        // stopped
      }
    }, "replay-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(double end) {
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sample(end);
  }

  /** Row: time, cpus total, mem total, running, pending, then cpus and mem per framework in name order. */
  private void sample(double time) {
    double[] row = new double[5 + 2 * frameworks.size()];
    row[0] = time;
    for (double[] a : calibration.agents().values()) {
      row[1] += a[0];
      row[2] += a[1];
    }
    int i = 5;
    for (ReplayFramework f : frameworks.values()) {
      double[] held = f.held();
      row[3] += held[2];
      row[4] += f.pendingTasks();
      row[i++] = held[0];
      row[i++] = held[1];
    }
    synchronized (rows) {
      if (rows.isEmpty() || rows.get(rows.size() - 1)[0] < time) {
        rows.add(row);
      }
    }
  }

  List<double[]> rows() {
    synchronized (rows) {
      return List.copyOf(rows);
    }
  }
}
