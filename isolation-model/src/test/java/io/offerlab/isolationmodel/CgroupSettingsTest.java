package io.offerlab.isolationmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Mesos' cgroup settings (cpu.cpp, memory.cpp) and their cgroups v1 and v2 file forms. */
class CgroupSettingsTest {

    private static final long MB = 1024L * 1024;
    private static final IsolationConfig MESOS = IsolationConfig.mesosCgroups();
    private static final IsolationConfig QUOTA =
            new IsolationConfig(CpuIsolation.QUOTA, MemoryIsolation.LIMIT, false);

    @Test
    void sharesAreTruncatedAndAtLeastTheLinuxMinimum() {
        assertEquals(2, CgroupSettings.forTask(0.001, 64, MESOS).cpuShares());
        assertEquals(1536, CgroupSettings.forTask(1.5, 64, MESOS).cpuShares());
        assertEquals(1024, CgroupSettings.forTask(1.0, 64, MESOS).cpuShares());
        // (uint64_t) (1024 * 0.0999) = (uint64_t) 102.2976 = 102
        assertEquals(102, CgroupSettings.forTask(0.0999, 64, MESOS).cpuShares());
    }

    @Test
    void memoryLimitIsAtLeast32MegabytesAndWholeMegabytes() {
        var small = CgroupSettings.forTask(1, 10, MESOS);
        assertEquals(32 * MB, small.memoryLimitBytes());
        assertEquals(32 * MB, small.memorySoftLimitBytes());
        var fractional = CgroupSettings.forTask(1, 100.7, MESOS);
        assertEquals(100 * MB, fractional.memoryLimitBytes(), "Mesos truncates mem to whole MB");
        assertEquals(-1, CgroupSettings.forTask(1, 100, IsolationConfig.none()).memoryLimitBytes());
    }

    @Test
    void quotaIsCpusTimesThePeriodOnlyWithQuota() {
        var half = CgroupSettings.forTask(0.5, 64, QUOTA);
        assertEquals(100_000, half.cfsPeriodUs());
        assertEquals(50_000, half.cfsQuotaUs());
        assertEquals(0.5, half.quotaCores());
        assertEquals(1_000, CgroupSettings.forTask(0.001, 64, QUOTA).cfsQuotaUs(), "MIN_CPU_CFS_QUOTA is 1 ms");
        assertEquals(-1, CgroupSettings.forTask(0.5, 64, MESOS).cfsQuotaUs(), "--cgroups_enable_cfs defaults to false");
        assertEquals(Double.POSITIVE_INFINITY, CgroupSettings.forTask(0.5, 64, MESOS).quotaCores());
    }

    @Test
    void noIsolationGivesEveryTaskTheDefaultWeightAndNoLimits() {
        var small = CgroupSettings.forTask(0.1, 10, IsolationConfig.none());
        var big = CgroupSettings.forTask(8, 4096, IsolationConfig.none());
        assertEquals(small.cpuShares(), big.cpuShares());
        assertEquals(CgroupSettings.DEFAULT_CPU_SHARES, big.cpuShares());
        assertEquals(-1, big.cfsQuotaUs());
        assertEquals(-1, big.memorySoftLimitBytes());
    }

    @Test
    void v1FilesNameEveryParameterWithItsValue() {
        var settings = CgroupSettings.forTask(0.5, 10, QUOTA);
        assertEquals(Map.of(
                "cpu.shares", "512",
                "cpu.cfs_period_us", "100000",
                "cpu.cfs_quota_us", "50000",
                "memory.limit_in_bytes", Long.toString(32 * MB),
                "memory.soft_limit_in_bytes", Long.toString(32 * MB)), settings.v1Files());
        assertEquals(List.of("cpu.shares", "cpu.cfs_period_us", "cpu.cfs_quota_us",
                "memory.limit_in_bytes", "memory.soft_limit_in_bytes"), List.copyOf(settings.v1Files().keySet()));
        var unlimited = CgroupSettings.forTask(2, 10, IsolationConfig.none()).v1Files();
        assertEquals("-1", unlimited.get("cpu.cfs_quota_us"));
        assertEquals("-1", unlimited.get("memory.limit_in_bytes"));
    }

    @Test
    void v2FilesUseTheSystemdWeightConversionAndMaxForUnlimited() {
        var quota = CgroupSettings.forTask(0.5, 10, QUOTA).v2Files();
        // 1 + ((512 - 2) * 9999) / 262142 = 1 + 5098990 / 262142 = 1 + 19
        assertEquals("20", quota.get("cpu.weight"));
        assertEquals("50000 100000", quota.get("cpu.max"));
        assertEquals(Long.toString(32 * MB), quota.get("memory.max"));
        assertEquals(Long.toString(32 * MB), quota.get("memory.low"));
        var shares = CgroupSettings.forTask(1, 10, IsolationConfig.none()).v2Files();
        assertEquals("39", shares.get("cpu.weight"));
        assertEquals("max 100000", shares.get("cpu.max"));
        assertEquals("max", shares.get("memory.max"));
        assertEquals("0", shares.get("memory.low"));
        assertEquals(List.of("cpu.weight", "cpu.max", "memory.max", "memory.low"), List.copyOf(quota.keySet()));
    }

    @Test
    void weightSpansTheKernelRange() {
        assertEquals(1, new CgroupSettings(2, 100_000, -1, -1, -1).cpuWeight());
        assertEquals(10_000, new CgroupSettings(262_144, 100_000, -1, -1, -1).cpuWeight());
        assertEquals(10_000, new CgroupSettings(1_000_000, 100_000, -1, -1, -1).cpuWeight());
    }

    @Property
    void weightIsMonotoneInShares(@ForAll @LongRange(min = 2, max = 400_000) long shares) {
        long weight = new CgroupSettings(shares, 100_000, -1, -1, -1).cpuWeight();
        long next = new CgroupSettings(shares + 1, 100_000, -1, -1, -1).cpuWeight();
        assertTrue(weight >= 1 && weight <= 10_000 && next >= weight);
    }

    @Property
    void sharesFollowTheMesosFormula(@ForAll @DoubleRange(min = 0, max = 512) double cpus) {
        long shares = CgroupSettings.forTask(cpus, 64, MESOS).cpuShares();
        double exact = 1024 * cpus;
        assertTrue(shares >= 2 && shares <= Math.max(2, exact), () -> shares + " for " + cpus);
        if (exact >= 2) {
            assertTrue(shares > exact - 1, () -> shares + " is not 1024 x " + cpus + " truncated");
        }
    }

    @Test
    void badInputNamesTheField() {
        var cpus = assertThrows(IllegalArgumentException.class, () -> CgroupSettings.forTask(Double.NaN, 64, MESOS));
        assertEquals("cpus: expected a finite number >= 0, found NaN", cpus.getMessage());
        var mem = assertThrows(IllegalArgumentException.class, () -> CgroupSettings.forTask(1, -5, MESOS));
        assertTrue(mem.getMessage().startsWith("mem: expected"), mem.getMessage());
        var shares = assertThrows(IllegalArgumentException.class, () -> new CgroupSettings(1, 100_000, -1, -1, -1));
        assertEquals("cpuShares: expected a number >= 2, found 1", shares.getMessage());
        var quota = assertThrows(IllegalArgumentException.class, () -> new CgroupSettings(2, 100_000, 10, -1, -1));
        assertTrue(quota.getMessage().startsWith("cfsQuotaUs: expected"), quota.getMessage());
    }

    @Test
    void configNamesParseCaseInsensitivelyAndRejectOthers() {
        assertEquals(CpuIsolation.QUOTA, CpuIsolation.fromName("isolation.cpu", "Quota"));
        assertEquals(MemoryIsolation.NONE, MemoryIsolation.fromName("isolation.memory", "none"));
        assertEquals("shares", CpuIsolation.SHARES.configName());
        var bad = assertThrows(IllegalArgumentException.class, () -> CpuIsolation.fromName("isolation.cpu", "cfs"));
        assertEquals("isolation.cpu: expected shares, quota or none, found 'cfs'", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MemoryIsolation.fromName("isolation.memory", null));
        assertThrows(IllegalArgumentException.class, () -> new IsolationConfig(null, MemoryIsolation.LIMIT, false));
    }

    @Test
    void presetsMatchMesos() {
        assertEquals(new IsolationConfig(CpuIsolation.SHARES, MemoryIsolation.LIMIT, false), IsolationConfig.mesosCgroups());
        assertEquals(new IsolationConfig(CpuIsolation.NONE, MemoryIsolation.NONE, false), IsolationConfig.none());
    }
}
