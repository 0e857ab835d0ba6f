package io.offerlab.simcore.metrics;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Time-weighted cluster and per-framework metrics, sampled into {@code timeseries.csv} rows on a fixed simulated
 * interval (docs/results-schema.md). Every change is recorded at its exact event time, so window means and run means
 * are exact integrals of piecewise-constant quantities.
 *
 * <p>Tracked: the cluster total, what running tasks hold (allocated), what they use (the isolation model's CPU rates,
 * their memory usage), what sits in outstanding offers (locked), running and pending tasks, and two dominant shares
 * per framework:
 * <ul>
 *   <li>the running-task share: what its running tasks hold over the cluster total, the largest of CPUs, memory and
 *       GPUs (what the framework actually runs);</li>
 *   <li>the allocator's share: what it holds in running tasks plus outstanding offers over the cluster total, the
 *       largest of CPUs, memory, disk and GPUs. This is the share Mesos' DRF sorter equalises (resources count as the
 *       framework's from the moment they are offered until they are recovered; {@code sorter/drf/sorter.cpp}).</li>
 * </ul>
 * Jain's index (Jain, Chiu and Hawe, 1984) is taken over the allocator's shares of the frameworks with work pending
 * or running. Rows are buffered in a binary temporary file because frameworks appear as their
 * first job arrives, while the CSV lists one column per framework in name order.
 */
public final class Metrics {
  private static final int CPUS = 0;
  private static final int MEM = 1;
  private static final int GPUS = 2;
  /** Index of disk in the four-resource arrays of the allocator's share (cpus, mem, disk, gpus). */
  private static final int DISK4 = 2;
  private static final int GPUS4 = 3;
  private static final double MILLI = 1000.0;

  private final long sampleInterval;
  private final TimeWeighted[] total = tw(3);
  private final TimeWeighted[] allocated = tw(3);
  private final TimeWeighted[] offered = tw(3);
  private final TimeWeighted usedCpus = new TimeWeighted();
  private final TimeWeighted usedMem = new TimeWeighted();
  private final RatioMean[] allocatedRatio = new RatioMean[3];
  private final RatioMean[] offeredRatio = new RatioMean[3];
  private final RatioMean[] usedRatio = new RatioMean[2];
  private final TimeWeighted running = new TimeWeighted();
  private final TimeWeighted pending = new TimeWeighted();
  private final TimeWeighted jain = new TimeWeighted();
  private final TimeWeighted jainDefined = new TimeWeighted();
  private final long[] totalMilli = new long[3];
  /** The cluster total of cpus, mem, disk and gpus, for the allocator's share. */
  private final long[] total4 = new long[4];
  private final long[] allocatedMilli = new long[3];
  private final long[] offeredMilli = new long[3];
  private final List<Framework> frameworks = new ArrayList<>();
  private double sumShares;
  private double sumSquares;
  private int withWork;
  private int withWorkAndShare;
  private long nextSample;
  private long lastSample;
  private long rows;
  private final Path rowFile;
  private final DataOutputStream rowOut;

  /** Creates the metrics of a run that samples every {@code sampleIntervalMicros} into a scratch file in {@code dir}. */
  public Metrics(long sampleIntervalMicros, Path dir) {
    this.sampleInterval = sampleIntervalMicros;
    this.nextSample = sampleIntervalMicros;
    for (int k = 0; k < 3; k++) {
      allocatedRatio[k] = new RatioMean(allocated[k]);
      offeredRatio[k] = new RatioMean(offered[k]);
    }
    usedRatio[CPUS] = new RatioMean(usedCpus);
    usedRatio[MEM] = new RatioMean(usedMem);
    try {
      Files.createDirectories(dir);
      this.rowFile = dir.resolve(".timeseries.bin.tmp");
      this.rowOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(rowFile), 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write in " + dir, e);
    }
  }

  private static TimeWeighted[] tw(int n) {
    TimeWeighted[] out = new TimeWeighted[n];
    for (int i = 0; i < n; i++) {
      out[i] = new TimeWeighted();
    }
    return out;
  }

  /** Registers a framework; returns its index for the other calls. */
  public int addFramework(String name) {
    frameworks.add(new Framework(name));
    return frameworks.size() - 1;
  }

  /** Changes the cluster total by the given thousandths (agents joining or leaving). */
  public void addTotal(long now, long cpus, long mem, long disk, long gpus) {
    for (int k = 0; k < 3; k++) {
      allocatedRatio[k].closeSegment(now, totalMilli[k]);
      offeredRatio[k].closeSegment(now, totalMilli[k]);
    }
    usedRatio[CPUS].closeSegment(now, totalMilli[CPUS]);
    usedRatio[MEM].closeSegment(now, totalMilli[MEM]);
    totalMilli[CPUS] += cpus;
    totalMilli[MEM] += mem;
    totalMilli[GPUS] += gpus;
    total4[CPUS] += cpus;
    total4[MEM] += mem;
    total4[DISK4] += disk;
    total4[GPUS4] += gpus;
    for (int k = 0; k < 3; k++) {
      total[k].set(now, totalMilli[k] / MILLI);
    }
    sumShares = 0;
    sumSquares = 0;
    withWorkAndShare = 0;
    for (Framework f : frameworks) {
      f.share = share(f);
      f.shareTw.set(now, f.share);
      f.allocShare = allocatorShare(f);
      f.allocShareTw.set(now, f.allocShare);
      if (f.work) {
        sumShares += f.allocShare;
        sumSquares += f.allocShare * f.allocShare;
        if (f.allocShare > 0) {
          withWorkAndShare++;
        }
      }
    }
    updateJain(now);
  }

  /** Records resources taken ({@code sign} 1) or released (-1) by a running task of framework {@code fw}. */
  public void allocate(long now, int fw, long cpus, long mem, long disk, long gpus, int sign) {
    allocatedMilli[CPUS] += sign * cpus;
    allocatedMilli[MEM] += sign * mem;
    allocatedMilli[GPUS] += sign * gpus;
    allocated[CPUS].set(now, allocatedMilli[CPUS] / MILLI);
    allocated[MEM].set(now, allocatedMilli[MEM] / MILLI);
    allocated[GPUS].set(now, allocatedMilli[GPUS] / MILLI);
    Framework f = frameworks.get(fw);
    f.milli[CPUS] += sign * cpus;
    f.milli[MEM] += sign * mem;
    f.milli[GPUS] += sign * gpus;
    f.cpusTw.set(now, f.milli[CPUS] / MILLI);
    double share = share(f);
    if (share != f.share) {
      f.share = share;
      f.shareTw.set(now, share);
    }
    hold(now, f, cpus, mem, disk, gpus, sign);
  }

  /** Adds ({@code sign} 1) or removes (-1) resources the allocator counts as the framework's; updates Jain's index. */
  private void hold(long now, Framework f, long cpus, long mem, long disk, long gpus, int sign) {
    f.held[CPUS] += sign * cpus;
    f.held[MEM] += sign * mem;
    f.held[DISK4] += sign * disk;
    f.held[GPUS4] += sign * gpus;
    double share = allocatorShare(f);
    if (share != f.allocShare) {
      if (f.work) {
        sumShares += share - f.allocShare;
        sumSquares += share * share - f.allocShare * f.allocShare;
        if ((share > 0) != (f.allocShare > 0)) {
          withWorkAndShare += share > 0 ? 1 : -1;
        }
      }
      f.allocShare = share;
      f.allocShareTw.set(now, share);
      if (f.work) {
        updateJain(now);
      }
    }
  }

  /** Records resources put in ({@code sign} 1) or taken out of (-1) outstanding offers to framework {@code fw}. */
  public void offer(long now, int fw, long cpus, long mem, long disk, long gpus, int sign) {
    offeredMilli[CPUS] += sign * cpus;
    offeredMilli[MEM] += sign * mem;
    offeredMilli[GPUS] += sign * gpus;
    offered[CPUS].set(now, offeredMilli[CPUS] / MILLI);
    offered[MEM].set(now, offeredMilli[MEM] / MILLI);
    offered[GPUS].set(now, offeredMilli[GPUS] / MILLI);
    Framework f = frameworks.get(fw);
    f.offeredMilli += sign * cpus;
    f.offeredTw.set(now, f.offeredMilli / MILLI);
    hold(now, f, cpus, mem, disk, gpus, sign);
  }

  /** Records a change in what framework {@code fw}'s tasks use: CPU cores and memory in MB. */
  public void use(long now, int fw, double deltaCpus, double deltaMemMb) {
    if (deltaCpus != 0) {
      usedCpus.add(now, deltaCpus);
      Framework f = frameworks.get(fw);
      f.usedTw.add(now, deltaCpus);
    }
    if (deltaMemMb != 0) {
      usedMem.add(now, deltaMemMb);
    }
  }

  /** Records a change in the number of running and pending tasks. */
  public void tasks(long now, int deltaRunning, int deltaPending) {
    if (deltaRunning != 0) {
      running.add(now, deltaRunning);
    }
    if (deltaPending != 0) {
      pending.add(now, deltaPending);
    }
  }

  /** Records whether framework {@code fw} has work pending or running (it then counts in Jain's index). */
  public void work(long now, int fw, boolean hasWork) {
    Framework f = frameworks.get(fw);
    if (f.work == hasWork) {
      return;
    }
    f.work = hasWork;
    int sign = hasWork ? 1 : -1;
    withWork += sign;
    sumShares += sign * f.allocShare;
    sumSquares += sign * f.allocShare * f.allocShare;
    if (f.allocShare > 0) {
      withWorkAndShare += sign;
    }
    updateJain(now);
  }

  /** Records a change in the number of framework {@code fw}'s tasks held back by their CFS quota. */
  public void throttled(long now, int fw, int delta) {
    frameworks.get(fw).throttledTw.add(now, delta);
  }

  private double share(Framework f) {
    double share = 0;
    for (int k = 0; k < 3; k++) {
      if (totalMilli[k] > 0 && f.milli[k] > 0) {
        share = Math.max(share, f.milli[k] / (double) totalMilli[k]);
      }
    }
    return share;
  }

  private double allocatorShare(Framework f) {
    double share = 0;
    for (int k = 0; k < 4; k++) {
      if (total4[k] > 0 && f.held[k] > 0) {
        share = Math.max(share, f.held[k] / (double) total4[k]);
      }
    }
    return share;
  }

  private void updateJain(long now) {
    if (withWork > 0 && withWorkAndShare > 0 && sumSquares > 0) {
      jain.set(now, Math.min(1.0, sumShares * sumShares / (withWork * sumSquares)));
      jainDefined.set(now, 1);
    } else {
      jain.set(now, 0);
      jainDefined.set(now, 0);
    }
  }

  // ---- sampling ---------------------------------------------------------------------------------------------

  /** Returns the time of the next sample boundary. */
  public long nextSample() {
    return nextSample;
  }

  /** Writes the rows of every sample boundary at or before {@code time}, from the state just before it. */
  public void sampleUpTo(long time) {
    while (nextSample <= time) {
      writeRow(nextSample);
      nextSample += sampleInterval;
    }
  }

  private void writeRow(long end) {
    long span = end - lastSample;
    try {
      rowOut.writeLong(end);
      for (int k = 0; k < 3; k++) {
        rowOut.writeDouble(total[k].closeWindow(end, span));
        double alloc = allocated[k].closeWindow(end, span);
        rowOut.writeDouble(alloc);
        rowOut.writeDouble(k == CPUS ? usedCpus.closeWindow(end, span) : k == MEM ? usedMem.closeWindow(end, span) : alloc);
        rowOut.writeDouble(offered[k].closeWindow(end, span));
      }
      rowOut.writeDouble(running.closeWindow(end, span));
      rowOut.writeDouble(pending.closeWindow(end, span));
      double jainIntegral = jain.closeWindow(end, span);
      double defined = jainDefined.closeWindow(end, span);
      rowOut.writeDouble(defined > 0 ? jainIntegral / defined : Double.NaN);
      rowOut.writeInt(frameworks.size());
      for (Framework f : frameworks) {
        rowOut.writeDouble(f.shareTw.closeWindow(end, span));
        rowOut.writeDouble(f.cpusTw.closeWindow(end, span));
        rowOut.writeDouble(f.allocShareTw.closeWindow(end, span));
      }
      rows++;
      lastSample = end;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the remaining rows up to {@code end} (the makespan), the last one covering a shorter interval. */
  public void finish(long end) {
    sampleUpTo(end);
    if (end > lastSample) {
      writeRow(end);
    }
    try {
      rowOut.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code timeseries.csv} from the buffered rows (after {@link #finish}) and deletes the scratch file. */
  public void writeTimeseries(Path target) {
    List<String> names = new ArrayList<>();
    for (Framework f : frameworks) {
      names.add(f.name);
    }
    TimeseriesCsv.write(rowFile, rows, names, target);
  }

  /** Deletes the scratch file (after a failed run). */
  public void discard() {
    try {
      rowOut.close();
      Files.deleteIfExists(rowFile);
    } catch (IOException e) {
      // best effort
    }
  }

  // ---- run summaries ----------------------------------------------------------------------------------------

  /** Returns the mean over [0, end) of allocated / total for kind 0 (cpus), 1 (mem) or 2 (gpus). */
  public double meanAllocated(int kind, long end) {
    return allocatedRatio[kind].mean(end, totalMilli[kind]);
  }

  /** Returns the mean over [0, end) of used / total for kind 0 (cpus) or 1 (mem). */
  public double meanUsed(int kind, long end) {
    return usedRatio[kind].mean(end, totalMilli[kind]);
  }

  /** Returns the mean over [0, end) of offered / total for kind 0 (cpus), 1 (mem) or 2 (gpus). */
  public double meanOffered(int kind, long end) {
    return offeredRatio[kind].mean(end, totalMilli[kind]);
  }

  /** Returns the time-weighted mean of Jain's index over the time it was defined, or NaN. */
  public double meanJain(long end) {
    double defined = jainDefined.integralAt(end);
    return defined > 0 ? jain.integralAt(end) / defined : Double.NaN;
  }

  /** Returns CPU-seconds held by running tasks, cluster-wide. */
  public double cpuSecondsAllocated(long end) {
    return allocated[CPUS].integralAt(end) / 1e6;
  }

  /** Returns CPU-seconds used, cluster-wide. */
  public double cpuSecondsUsed(long end) {
    return usedCpus.integralAt(end) / 1e6;
  }

  /** Returns framework {@code fw}'s time-weighted mean dominant share over [0, end). */
  public double meanShare(int fw, long end) {
    return mean(frameworks.get(fw).shareTw, end);
  }

  /** Returns framework {@code fw}'s time-weighted mean allocator's share (running tasks and offers) over [0, end). */
  public double meanAllocatorShare(int fw, long end) {
    return mean(frameworks.get(fw).allocShareTw, end);
  }

  /** Returns framework {@code fw}'s time-weighted mean allocated CPUs over [0, end). */
  public double meanCpus(int fw, long end) {
    return mean(frameworks.get(fw).cpusTw, end);
  }

  /** Returns framework {@code fw}'s CPU-seconds held by running tasks. */
  public double cpuSecondsAllocated(int fw, long end) {
    return frameworks.get(fw).cpusTw.integralAt(end) / 1e6;
  }

  /** Returns framework {@code fw}'s CPU-seconds used. */
  public double cpuSecondsUsed(int fw, long end) {
    return frameworks.get(fw).usedTw.integralAt(end) / 1e6;
  }

  /** Returns framework {@code fw}'s CPU-seconds locked in offers made to it. */
  public double cpuSecondsOffered(int fw, long end) {
    return frameworks.get(fw).offeredTw.integralAt(end) / 1e6;
  }

  /** Returns framework {@code fw}'s task-seconds spent held back by a CFS quota. */
  public double throttledSeconds(int fw, long end) {
    return frameworks.get(fw).throttledTw.integralAt(end) / 1e6;
  }

  private static double mean(TimeWeighted t, long end) {
    return end > 0 ? t.integralAt(end) / end : Double.NaN;
  }

  /**
   * The time-weighted mean of a quantity divided by the cluster total, kept without touching every change: the
   * integral of the quantity is divided by the total once per stretch of constant total.
   */
  private static final class RatioMean {
    private final TimeWeighted quantity;
    private double ratioIntegral;
    private double segmentStart;

    RatioMean(TimeWeighted quantity) {
      this.quantity = quantity;
    }

    /** Ends the stretch during which the total was {@code totalMilli} (in thousandths of the quantity's unit). */
    void closeSegment(long now, long totalMilli) {
      double integral = quantity.integralAt(now);
      if (totalMilli > 0) {
        ratioIntegral += (integral - segmentStart) * MILLI / totalMilli;
      }
      segmentStart = integral;
    }

    double mean(long end, long totalMilli) {
      if (end <= 0) {
        return Double.NaN;
      }
      double tail = totalMilli > 0 ? (quantity.integralAt(end) - segmentStart) * MILLI / totalMilli : 0;
      return (ratioIntegral + tail) / end;
    }
  }

  /** One framework's running totals. */
  private static final class Framework {
    final String name;
    final long[] milli = new long[3];
    long offeredMilli;
    double share;
    /** Running tasks plus outstanding offers: cpus, mem, disk, gpus in thousandths. */
    final long[] held = new long[4];
    double allocShare;
    boolean work;
    final TimeWeighted shareTw = new TimeWeighted();
    final TimeWeighted allocShareTw = new TimeWeighted();
    final TimeWeighted cpusTw = new TimeWeighted();
    final TimeWeighted usedTw = new TimeWeighted();
    final TimeWeighted offeredTw = new TimeWeighted();
    final TimeWeighted throttledTw = new TimeWeighted();

    Framework(String name) {
      this.name = name;
    }
  }
}
