package io.offerlab.allocators;

/**
 * A framework capability the allocator looks at, named as in Mesos' {@code FrameworkInfo.Capability.Type}.
 */
public enum Capability {
  /**
   * The framework can use GPUs. Mesos' hierarchical allocator offers an agent that has GPUs only to frameworks with
   * this capability ({@code filterGpuResources}, on by default; MESOS-5634).
   */
  GPU_RESOURCES
}
