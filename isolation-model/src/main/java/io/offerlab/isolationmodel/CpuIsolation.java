package io.offerlab.isolationmodel;

import java.util.Locale;

/**
 * How an agent shares CPU between tasks, after Mesos' isolators: {@code cgroups/cpu} with
 * {@code --cgroups_enable_cfs=false} ({@link #SHARES}), with {@code --cgroups_enable_cfs=true}
 * ({@link #QUOTA}), or {@code posix/cpu}, which enforces nothing ({@link #NONE}).
 */
public enum CpuIsolation {
    /** {@code cpu.shares} = max(1024 x cpus, 2): weighted fair sharing, idle cores go to busy tasks. */
    SHARES,
    /** Shares plus a CFS hard cap of cpus x period per period: a task never runs faster than its request. */
    QUOTA,
    /** No isolation: every task has the same weight and no cap. */
    NONE;

    /** Return the lower-case name used in configuration files ({@code shares}, {@code quota}, {@code none}). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parse a configuration name, case-insensitively; bad input names the {@code field}. */
    public static CpuIsolation fromName(String field, String name) {
        if (name != null) {
            for (CpuIsolation value : values()) {
                if (value.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return value;
                }
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s: expected shares, quota or none, found '%s'", field, name));
    }
}
