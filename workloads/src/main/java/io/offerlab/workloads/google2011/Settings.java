package io.offerlab.workloads.google2011;

import io.offerlab.workloads.reader.Options;

/** The {@code google2011.*} options that shape jobs, read and validated once. */
record Settings(double machineCpus, double machineMemMb, double machineDiskMb, boolean sumAttempts,
    String unfinished, long horizonMicros, boolean useJobEvents) {

  static Settings read(Options options) {
    return new Settings(
        options.positiveDouble("google2011.machineCpus", 16),
        options.positiveDouble("google2011.machineMemMb", 65536),
        options.positiveDouble("google2011.machineDiskMb", 1048576),
        options.choice("google2011.attempts", "last", "last", "sum").equals("sum"),
        options.choice("google2011.unfinished", "truncate", "truncate", "unbounded", "drop"),
        Math.round(options.positiveDouble("google2011.horizonSeconds", 86400) * 1e6),
        options.bool("google2011.jobEvents", true));
  }
}
