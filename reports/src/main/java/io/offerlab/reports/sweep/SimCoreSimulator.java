package io.offerlab.reports.sweep;

import io.offerlab.simcore.ProgressListener;
import io.offerlab.simcore.RunSpec;
import io.offerlab.simcore.Simulations;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a sweep cell with Offerlab's simulator: the cell's workload, allocator and seed, the sweep's override file. It
 * keeps the runs' warnings (e.g. a workload simulated on the config's default cluster), each once.
 */
public final class SimCoreSimulator implements SweepRunner.Simulator {
  private final Set<String> warnings = Collections.synchronizedSet(new LinkedHashSet<>());

  /** Checks the allocator names and the frameworks the sweep configures against the workloads, before any run. */
  @Override
  public void check(SweepConfig config) {
    config.checkAllocators();
    config.checkFrameworks();
  }

  @Override
  public void run(SweepConfig config, SweepCell cell, Path configFile, Path outDir) {
    Simulations.run(new RunSpec(cell.workload(), config.workloadOptions(), cell.allocator(), config.cluster(),
        configFile, cell.seed()), outDir, ProgressListener.NONE).warnings().forEach(warnings::add);
  }

  /** Returns the distinct warnings of the runs so far, in the order first seen. */
  public List<String> warnings() {
    synchronized (warnings) {
      return List.copyOf(warnings);
    }
  }
}
