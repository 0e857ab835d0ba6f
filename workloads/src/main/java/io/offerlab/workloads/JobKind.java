package io.offerlab.workloads;

import java.util.Locale;

/**
 * How a job's framework schedules it, after the framework models of the Mesos paper (Hindman et al., NSDI 2011,
 * section 5) and the batch/service split of the Omega paper (Schwarzkopf et al., EuroSys 2013).
 */
public enum JobKind {
  /** Elastic: independent short tasks that run as resources come (Hadoop-like). */
  BATCH,
  /** Long-running tasks, restarted when lost. */
  SERVICE,
  /** Rigid: all tasks start together or none does (MPI-like). */
  GANG;

  /** Returns the lower-case name used in files ({@code batch}, {@code service}, {@code gang}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a lower-case label; throws {@link IllegalArgumentException} naming the accepted values. */
  public static JobKind parse(String label) {
    for (JobKind kind : values()) {
      if (kind.label().equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("expected one of batch, service, gang, found '" + label + "'");
  }
}
