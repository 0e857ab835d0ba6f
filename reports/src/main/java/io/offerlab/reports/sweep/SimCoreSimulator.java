package io.offerlab.reports.sweep;

import io.offerlab.simcore.ProgressListener;
import io.offerlab.simcore.RunSpec;
import io.offerlab.simcore.Simulations;
import java.nio.file.Path;

/** Runs a sweep cell with Offerlab's simulator: the cell's workload, allocator and seed, the sweep's override file. */
public final class SimCoreSimulator implements SweepRunner.Simulator {
  @Override
  public void run(SweepConfig config, SweepCell cell, Path configFile, Path outDir) {
    Simulations.run(new RunSpec(cell.workload(), config.workloadOptions(), cell.allocator(), config.cluster(),
        configFile, cell.seed()), outDir, ProgressListener.NONE);
  }
}
