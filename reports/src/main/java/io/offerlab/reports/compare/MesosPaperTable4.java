package io.offerlab.reports.compare;

import java.util.List;

/**
 * The Mesos paper's Table 4 (Hindman et al., "Mesos: A Platform for Fine-Grained Resource Sharing in the Data Center",
 * NSDI 2011, section 6.1.1): each framework's sum of job run times in seconds without Mesos (static partitioning, 24
 * of 96 EC2 nodes each) and with Mesos, and the speedup. These are the paper's published figures, measured on its
 * hardware; Offerlab's {@code synthetic:mesos-paper} frameworks are matched to them by name.
 */
public final class MesosPaperTable4 {
  /** The workload the table belongs to. */
  public static final String WORKLOAD = "synthetic:mesos-paper";
  /** The citation printed with the figures. */
  public static final String CITATION = "Hindman et al., NSDI 2011, section 6.1.1, Table 4";

  /**
   * One row of Table 4.
   *
   * @param framework the Offerlab framework name in synthetic:mesos-paper
   * @param label the paper's name for it
   * @param staticSeconds sum of run times without Mesos
   * @param mesosSeconds sum of run times with Mesos
   * @param speedup the paper's speedup column
   */
  public record Row(String framework, String label, double staticSeconds, double mesosSeconds, double speedup) {}

  /** The rows in the paper's order. */
  public static final List<Row> ROWS = List.of(
      new Row("facebook", "Facebook Hadoop Mix", 7235, 6319, 1.14),
      new Row("hadoop-large", "Large Hadoop Mix", 3143, 1494, 2.10),
      new Row("spark", "Spark", 1684, 1338, 1.26),
      new Row("mpi", "Torque / MPI", 3210, 3352, 0.96));

  private MesosPaperTable4() {}

  /** Returns the row of an Offerlab framework, or null. */
  public static Row row(String framework) {
    return ROWS.stream().filter(r -> r.framework().equals(framework)).findFirst().orElse(null);
  }
}
