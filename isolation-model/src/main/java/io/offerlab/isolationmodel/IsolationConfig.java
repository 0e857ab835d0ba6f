package io.offerlab.isolationmodel;

/**
 * The isolation an agent applies: the {@code isolation: {cpu, memory, oversubscribe}} block of a scenario.
 *
 * <p>{@code oversubscribe} is carried for the caller only. When it is false the simulator places
 * tasks so that their requests fit the agent; the model's equations are the same either way, because
 * CFS shares are relative. Mesos' revocable resources (QoS controller, 10 shares per revocable cpu with
 * {@code --revocable_cpu_low_priority}) are left out.
 *
 * @param cpu how CPU is shared
 * @param memory whether memory limits are enforced
 * @param oversubscribe whether requests may exceed the agent's resources
 */
public record IsolationConfig(CpuIsolation cpu, MemoryIsolation memory, boolean oversubscribe) {

    /** Validate that both modes are given. */
    public IsolationConfig {
        if (cpu == null) {
            throw new IllegalArgumentException("isolation.cpu: expected shares, quota or none, found nothing");
        }
        if (memory == null) {
            throw new IllegalArgumentException("isolation.memory: expected limit or none, found nothing");
        }
    }

    /** Return Mesos' {@code --isolation=cgroups/cpu,cgroups/mem} with default flags: shares on, CFS quota off, memory limit on. */
    public static IsolationConfig mesosCgroups() {
        return new IsolationConfig(CpuIsolation.SHARES, MemoryIsolation.LIMIT, false);
    }

    /** Return Mesos' plain default {@code --isolation=posix/cpu,posix/mem}: no limits, equal sharing. */
    public static IsolationConfig none() {
        return new IsolationConfig(CpuIsolation.NONE, MemoryIsolation.NONE, false);
    }
}
