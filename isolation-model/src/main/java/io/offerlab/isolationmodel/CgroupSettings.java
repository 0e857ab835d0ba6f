package io.offerlab.isolationmodel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The cgroup parameters of one task, computed as Mesos' cgroups isolators compute them
 * ({@code src/slave/containerizer/mesos/isolators/cgroups/subsystems/cpu.cpp} and {@code memory.cpp}),
 * with their cgroups v1 and v2 file names so that a real agent can write the same values.
 *
 * <p>Left out: revocable cpus (10 shares per cpu), explicit resource limits above the request, and
 * the kernel's clamp of {@code cpu.shares} at 262144 (tasks of 256 cpus or more).
 *
 * @param cpuShares {@code cpu.shares}, at least 2
 * @param cfsPeriodUs {@code cpu.cfs_period_us}, the CFS period in microseconds
 * @param cfsQuotaUs {@code cpu.cfs_quota_us}, or -1 for no quota
 * @param memoryLimitBytes {@code memory.limit_in_bytes}, or -1 for no limit
 * @param memorySoftLimitBytes {@code memory.soft_limit_in_bytes}, or -1 for no limit
 */
public record CgroupSettings(long cpuShares, long cfsPeriodUs, long cfsQuotaUs,
                             long memoryLimitBytes, long memorySoftLimitBytes) {

    /** Mesos {@code CPU_SHARES_PER_CPU}. */
    public static final long CPU_SHARES_PER_CPU = 1024;
    /** Mesos {@code MIN_CPU_SHARES}, the Linux minimum. */
    public static final long MIN_CPU_SHARES = 2;
    /** The weight of a cgroup nobody configured, the Linux default; used for equal sharing. */
    public static final long DEFAULT_CPU_SHARES = 1024;
    /** Mesos {@code CPU_CFS_PERIOD}: 100 ms, the Linux default, in microseconds. */
    public static final long CPU_CFS_PERIOD_US = 100_000;
    /** Mesos {@code MIN_CPU_CFS_QUOTA}: 1 ms, in microseconds. */
    public static final long MIN_CPU_CFS_QUOTA_US = 1_000;
    /** Mesos {@code MIN_MEMORY}: 32 MB, in bytes. */
    public static final long MIN_MEMORY_BYTES = 32L * 1024 * 1024;

    private static final long MAX_CPU_SHARES = 262_144;
    private static final long MAX_CPU_WEIGHT = 10_000;
    private static final long NANOS_PER_PERIOD = CPU_CFS_PERIOD_US * 1_000;
    private static final long BYTES_PER_MB = 1024L * 1024;
    private static final double MAX_MEM_MB = 0x1p43;

    /** Validate the values against the kernel's ranges. */
    public CgroupSettings {
        if (cpuShares < MIN_CPU_SHARES) {
            throw bad("cpuShares", "a number >= 2", Long.toString(cpuShares));
        }
        if (cfsPeriodUs < 1_000 || cfsPeriodUs > 1_000_000) {
            throw bad("cfsPeriodUs", "a period between 1000 and 1000000 us", Long.toString(cfsPeriodUs));
        }
        if (cfsQuotaUs != -1 && cfsQuotaUs < MIN_CPU_CFS_QUOTA_US) {
            throw bad("cfsQuotaUs", "-1 or a quota >= 1000 us", Long.toString(cfsQuotaUs));
        }
        if (memoryLimitBytes < -1) {
            throw bad("memoryLimitBytes", "-1 or a number of bytes >= 0", Long.toString(memoryLimitBytes));
        }
        if (memorySoftLimitBytes < -1) {
            throw bad("memorySoftLimitBytes", "-1 or a number of bytes >= 0", Long.toString(memorySoftLimitBytes));
        }
    }

    /**
     * Compute the settings Mesos writes for a task of {@code cpus} and {@code memMb} (MB, as in Mesos resources).
     *
     * <p>{@code cpu.shares} = max((uint64) (1024 x cpus), 2); the quota, with {@link CpuIsolation#QUOTA} only, is
     * max(100 ms x cpus, 1 ms) truncated to whole nanoseconds and then microseconds; the memory limits, with
     * {@link MemoryIsolation#LIMIT} only, are max(floor(memMb) MB, 32 MB): Mesos truncates mem to whole megabytes.
     * With {@link CpuIsolation#NONE} every task gets the default 1024 shares, which is equal sharing.
     */
    public static CgroupSettings forTask(double cpus, double memMb, IsolationConfig cfg) {
        if (!(cpus >= 0) || Double.isInfinite(cpus)) {
            throw bad("cpus", "a finite number >= 0", Double.toString(cpus));
        }
        if (!(memMb >= 0) || memMb >= MAX_MEM_MB) {
            throw bad("mem", "a number of MB >= 0 and below 2^43", Double.toString(memMb));
        }
        if (cfg == null) {
            throw new IllegalArgumentException("isolation: expected an isolation config, found nothing");
        }
        long shares = cfg.cpu() == CpuIsolation.NONE
                ? DEFAULT_CPU_SHARES
                : Math.max((long) (CPU_SHARES_PER_CPU * cpus), MIN_CPU_SHARES);
        long quotaUs = -1;
        if (cfg.cpu() == CpuIsolation.QUOTA) {
            // stout's Duration * double truncates to whole nanoseconds; cfs_quota_us then truncates to microseconds.
            long quotaNs = Math.max((long) (NANOS_PER_PERIOD * cpus), MIN_CPU_CFS_QUOTA_US * 1_000);
            quotaUs = quotaNs / 1_000;
        }
        long limit = -1;
        if (cfg.memory() == MemoryIsolation.LIMIT) {
            limit = Math.max((long) memMb * BYTES_PER_MB, MIN_MEMORY_BYTES);
        }
        return new CgroupSettings(shares, CPU_CFS_PERIOD_US, quotaUs, limit, limit);
    }

    /** Return the CFS quota as a number of cores ({@code quota / period}), or +infinity when there is none. */
    public double quotaCores() {
        return cfsQuotaUs < 0 ? Double.POSITIVE_INFINITY : (double) cfsQuotaUs / cfsPeriodUs;
    }

    /**
     * Return {@code cpu.weight} for cgroups v2, converted from the shares as systemd, runc and crun do:
     * 1 + ((shares - 2) x 9999) / 262142 in integer arithmetic, shares clamped to the kernel's [2, 262144].
     */
    public long cpuWeight() {
        long shares = Math.min(cpuShares, MAX_CPU_SHARES);
        long weight = 1 + ((shares - MIN_CPU_SHARES) * (MAX_CPU_WEIGHT - 1)) / (MAX_CPU_SHARES - MIN_CPU_SHARES);
        return Math.min(weight, MAX_CPU_WEIGHT);
    }

    /** Return the cgroups v1 file names and the values to write, in a fixed order; -1 means unlimited. */
    public Map<String, String> v1Files() {
        var files = new LinkedHashMap<String, String>();
        files.put("cpu.shares", Long.toString(cpuShares));
        files.put("cpu.cfs_period_us", Long.toString(cfsPeriodUs));
        files.put("cpu.cfs_quota_us", Long.toString(cfsQuotaUs));
        files.put("memory.limit_in_bytes", Long.toString(memoryLimitBytes));
        files.put("memory.soft_limit_in_bytes", Long.toString(memorySoftLimitBytes));
        return Collections.unmodifiableMap(files);
    }

    /** Return the cgroups v2 file names and the values to write, in a fixed order; {@code max} means unlimited. */
    public Map<String, String> v2Files() {
        var files = new LinkedHashMap<String, String>();
        files.put("cpu.weight", Long.toString(cpuWeight()));
        files.put("cpu.max", String.format(Locale.ROOT, "%s %d",
                cfsQuotaUs < 0 ? "max" : Long.toString(cfsQuotaUs), cfsPeriodUs));
        files.put("memory.max", memoryLimitBytes < 0 ? "max" : Long.toString(memoryLimitBytes));
        files.put("memory.low", memorySoftLimitBytes < 0 ? "0" : Long.toString(memorySoftLimitBytes));
        return Collections.unmodifiableMap(files);
    }

    private static IllegalArgumentException bad(String field, String expected, String found) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s: expected %s, found %s", field, expected, found));
    }
}
