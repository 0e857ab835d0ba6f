package io.offerlab.jmh.peer;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.cloudbus.cloudsim.cloudlets.Cloudlet;
import org.cloudbus.cloudsim.vms.Vm;

/**
 * The side-by-side broker's VM mapper: next fit on a free PE. CloudSim Plus 7.3's broker maps every cloudlet when it
 * is submitted (all at once, when the VMs are up) and only then applies the submission delay, so the mapper cannot
 * look at the VMs' state at a cloudlet's arrival. It keeps its own ledger instead: for each VM, the times its PEs
 * become free, from each cloudlet's arrival (its submission delay) and run time (length / MIPS), which the broker
 * knows. A cloudlet goes to the first VM, from the one after the last chosen, with enough PEs free at its arrival;
 * if none has, to the VM whose PEs free up first, where it waits in the space-shared scheduler's queue. At about 25%
 * load almost every cloudlet finds a free PE on the first VM tried. CloudSim Plus's own brokers were not used:
 * {@code DatacenterBrokerSimple} maps round robin, blind to load, and {@code DatacenterBrokerFirstFit} counts PEs
 * reserved at mapping time, which here is all of them at once.
 */
final class NextFreePeMapper implements Function<Cloudlet, Vm> {
  private final List<Vm> vms;
  private final double[][] peFree;
  private final ToDoubleFunction<Cloudlet> runSeconds;
  private int cursor;
  private long queued;

  /** A mapper over {@code vms} (in host order); {@code runSeconds} is a cloudlet's run time on one of its PEs. */
  NextFreePeMapper(List<Vm> vms, ToDoubleFunction<Cloudlet> runSeconds) {
    this.vms = List.copyOf(vms);
    this.runSeconds = runSeconds;
    peFree = new double[vms.size()][];
    for (int i = 0; i < peFree.length; i++) {
      peFree[i] = new double[(int) vms.get(i).getNumberOfPes()];
    }
  }

  @Override
  public Vm apply(Cloudlet cloudlet) {
    int pes = (int) cloudlet.getNumberOfPes();
    double arrival = cloudlet.getSubmissionDelay();
    int n = vms.size();
    int chosen = -1;
    for (int tried = 0; tried < n && chosen < 0; tried++) {
      int i = (cursor + tried) % n;
      if (pes <= peFree[i].length && peFree[i][pes - 1] <= arrival) {
        chosen = i;
      }
    }
    double start = arrival;
    if (chosen < 0) {
      queued++;
      double best = Double.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        if (pes <= peFree[i].length && peFree[i][pes - 1] < best) {
          best = peFree[i][pes - 1];
          chosen = i;
        }
      }
      if (chosen < 0) {
        return Vm.NULL;
      }
      start = best;
    }
    double[] free = peFree[chosen];
    double end = start + runSeconds.applyAsDouble(cloudlet);
    for (int p = 0; p < pes; p++) {
      free[p] = end;
    }
    Arrays.sort(free);
    cursor = (chosen + 1) % n;
    return vms.get(chosen);
  }

  /** How many cloudlets found no VM with a free PE at their arrival and were queued. */
  long queued() {
    return queued;
  }
}
