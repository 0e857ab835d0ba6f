package io.offerlab.workloads;

/**
 * A resource request or a machine size: CPUs in cores, memory and disk in MB, GPUs in devices (a fraction for a
 * shared GPU), as Mesos counts scalar resources. Every value is finite and non-negative.
 */
public record ResourceShape(double cpus, double memMb, double diskMb, double gpus) {
  /** The shape with every quantity zero. */
  public static final ResourceShape ZERO = new ResourceShape(0, 0, 0, 0);

  /** Validates that every quantity is finite and non-negative. */
  public ResourceShape {
    check("cpus", cpus);
    check("memMb", memMb);
    check("diskMb", diskMb);
    check("gpus", gpus);
  }

  /** Returns a shape with CPUs and memory only. */
  public static ResourceShape of(double cpus, double memMb) {
    return new ResourceShape(cpus, memMb, 0, 0);
  }

  private static void check(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + ": expected a finite non-negative number, found '" + value + "'");
    }
  }
}
