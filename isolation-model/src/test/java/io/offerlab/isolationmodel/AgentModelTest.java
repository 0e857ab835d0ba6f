package io.offerlab.isolationmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The closed-form cases of issue 5: shares, quota, work conservation and memory limits on one agent. */
class AgentModelTest {

    private static final double EPS = 1e-12;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final long MB = 1024L * 1024;
    private static final IsolationConfig MESOS = IsolationConfig.mesosCgroups();
    private static final IsolationConfig QUOTA =
            new IsolationConfig(CpuIsolation.QUOTA, MemoryIsolation.LIMIT, false);

    private static TaskDemand cpuBound(double cpus, IsolationConfig cfg) {
        return new TaskDemand(CgroupSettings.forTask(cpus, 64, cfg), 1.0, 0);
    }

    @Test
    void sharesTwoToOneOnOneCoreGiveTwoThirdsAndOneThird() {
        var model = new AgentModel(1, MESOS);
        var rates = model.solve(List.of(cpuBound(1.0, MESOS), cpuBound(0.5, MESOS))).cpuRates();
        assertEquals(2.0 / 3, rates[0], EPS);
        assertEquals(1.0 / 3, rates[1], EPS);
    }

    /** Fluid model: when the first task ends the second gets the whole core; remaining work / new rate gives its finish. */
    @Test
    void remainingWorkOverTheNewRateGivesTheExactFinish() {
        var model = new AgentModel(1, MESOS);
        double work1 = 1.0;
        double work2 = 1.0;
        var both = model.solve(List.of(cpuBound(1.0, MESOS), cpuBound(0.5, MESOS))).cpuRates();
        double firstEnds = work1 / both[0];
        double remaining2 = work2 - both[1] * firstEnds;
        var alone = model.solve(List.of(cpuBound(0.5, MESOS))).cpuRates();
        assertEquals(1.0, alone[0], EPS, "work-conserving: the second task takes the idle core");
        double secondEnds = firstEnds + remaining2 / alone[0];
        assertEquals(1.5, firstEnds, EPS);
        // One core busy throughout: the last finish is the total work over the core.
        assertEquals((work1 + work2) / model.cores(), secondEnds, EPS);
    }

    @Test
    void quotaCapsATaskOnAnIdleAgentAndDoublesItsDuration() {
        var capped = new AgentModel(4, QUOTA).solve(List.of(cpuBound(0.5, QUOTA))).cpuRates()[0];
        var uncapped = new AgentModel(4, MESOS).solve(List.of(cpuBound(0.5, MESOS))).cpuRates()[0];
        assertEquals(0.5, capped, EPS);
        assertEquals(1.0, uncapped, EPS, "shares alone let a single thread use a whole idle core");
        double work = 30.0;
        assertEquals(2 * (work / uncapped), work / capped, EPS);
    }

    @Test
    void aTaskDemandingLittleLeavesTheRestToItsNeighboursInProportionToShares() {
        var model = new AgentModel(2, MESOS);
        var light = new TaskDemand(CgroupSettings.forTask(1.0, 64, MESOS), 0.2, 0);
        var heavy = new TaskDemand(CgroupSettings.forTask(2.0, 64, MESOS), INF, 0);
        var medium = new TaskDemand(CgroupSettings.forTask(1.0, 64, MESOS), INF, 0);
        var rates = model.solve(List.of(light, heavy, medium)).cpuRates();
        assertEquals(0.2, rates[0], EPS);
        assertEquals(1.8 * 2 / 3, rates[1], EPS);
        assertEquals(1.8 / 3, rates[2], EPS);
        assertEquals(2.0, rates[0] + rates[1] + rates[2], EPS);
    }

    @Test
    void cappedTasksCascade() {
        // 3 cores, equal shares: the first level 3/4 caps the 0.5 task; the spare lifts the level to 2.5/3,
        // which now caps the 0.8 task (above the first level); the last two share 1.7 equally.
        var model = new AgentModel(3, MESOS);
        double[] rates = new double[4];
        model.solve(4, new long[] {1024, 1024, 1024, 1024}, new double[] {INF, INF, INF, INF},
                new double[] {0.5, 0.8, INF, 4.0}, rates);
        assertArrayEquals(new double[] {0.5, 0.8, 0.85, 0.85}, rates, EPS);
    }

    @Test
    void noIsolationSharesEquallyAndIgnoresSharesAndQuotas() {
        var model = new AgentModel(1, IsolationConfig.none());
        double[] rates = new double[2];
        model.solve(2, new long[] {2048, 1024}, new double[] {0.1, 0.1}, new double[] {INF, INF}, rates);
        assertArrayEquals(new double[] {0.5, 0.5}, rates, EPS);
    }

    @Test
    void sharesModeIgnoresQuotas() {
        var model = new AgentModel(2, MESOS);
        double[] rates = new double[1];
        model.solve(1, new long[] {512}, new double[] {0.5}, new double[] {1.5}, rates);
        assertEquals(1.5, rates[0], EPS);
    }

    @Test
    void idleAgentWithNoTasksIsFine() {
        var solution = new AgentModel(8, MESOS).solve(List.of());
        assertEquals(0, solution.cpuRates().length);
        assertTrue(solution.oomKilled().isEmpty());
    }

    @Test
    void usageAboveTheLimitIsKilledAndAtTheLimitIsNot() {
        var cgroup = CgroupSettings.forTask(1, 100, MESOS);
        long limit = cgroup.memoryLimitBytes();
        assertEquals(100 * MB, limit);
        var tasks = List.of(
                new TaskDemand(cgroup, 1, limit),
                new TaskDemand(cgroup, 1, limit + 1.0),
                new TaskDemand(cgroup, 1, 10 * MB),
                new TaskDemand(cgroup, 1, 2.0 * limit));
        var solution = new AgentModel(4, MESOS).solve(tasks);
        assertEquals(List.of(1, 3), solution.oomKilled());
        assertEquals("memory-limit", Solution.OOM_REASON);
        assertEquals("REASON_CONTAINER_LIMITATION_MEMORY", Solution.MESOS_OOM_REASON);
    }

    @Test
    void withoutMemoryIsolationNothingIsKilled() {
        var limited = CgroupSettings.forTask(1, 100, MESOS);
        var none = new IsolationConfig(CpuIsolation.SHARES, MemoryIsolation.NONE, false);
        var unlimited = CgroupSettings.forTask(1, 100, none);
        var model = new AgentModel(4, none);
        assertTrue(model.solve(List.of(new TaskDemand(limited, 1, 1e12), new TaskDemand(unlimited, 1, 1e12)))
                .oomKilled().isEmpty(), "MemoryIsolation.NONE enforces no limit, even one in the settings");
        assertFalse(AgentModel.exceedsLimit(-1, 1e15));
        assertTrue(AgentModel.exceedsLimit(0, 1));
        assertFalse(AgentModel.exceedsLimit(0, 0));
    }

    @Test
    void arrayFormReusesScratchAcrossSizes() {
        var model = new AgentModel(2, MESOS);
        double[] rates = new double[3];
        model.solve(3, new long[] {1024, 1024, 2048}, new double[] {INF, INF, INF}, new double[] {INF, INF, INF}, rates);
        assertArrayEquals(new double[] {0.5, 0.5, 1.0}, rates, EPS);
        model.solve(1, new long[] {1024, 0}, new double[] {INF, 0}, new double[] {0.3, -1}, rates);
        assertEquals(0.3, rates[0], EPS, "only the first n entries are read");
    }

    @Test
    void badInputNamesTheFieldAndIndex() {
        var model = new AgentModel(2, QUOTA);
        double[] rates = new double[2];
        var demand = assertThrows(IllegalArgumentException.class, () -> model.solve(2,
                new long[] {1024, 1024}, new double[] {INF, INF}, new double[] {1, Double.NaN}, rates));
        assertEquals("demand[1]: expected a number of cores >= 0, found NaN", demand.getMessage());
        var shares = assertThrows(IllegalArgumentException.class, () -> model.solve(2,
                new long[] {0, 1024}, new double[] {INF, INF}, new double[] {1, 1}, rates));
        assertEquals("shares[0]: expected a number > 0, found 0", shares.getMessage());
        var quota = assertThrows(IllegalArgumentException.class, () -> model.solve(1,
                new long[] {1024}, new double[] {-1}, new double[] {1}, rates));
        assertEquals("quotaCores[0]: expected a number of cores >= 0 or +infinity, found -1.0", quota.getMessage());
        var length = assertThrows(IllegalArgumentException.class, () -> model.solve(3,
                new long[3], new double[3], new double[3], rates));
        assertEquals("outRates: expected an array of at least 3 entries, found 2", length.getMessage());
        var cores = assertThrows(IllegalArgumentException.class, () -> new AgentModel(0, MESOS));
        assertEquals("cores: expected a finite number > 0, found 0.0", cores.getMessage());
        var task = assertThrows(IllegalArgumentException.class,
                () -> new TaskDemand(CgroupSettings.forTask(1, 1, MESOS), -0.5, 0));
        assertEquals("cpuDemand: expected a number of cores >= 0, found -0.5", task.getMessage());
    }

    @Test
    void solutionIsAValueThatCannotBeChangedFromOutside() {
        double[] rates = {0.25, 0.75};
        var solution = new Solution(rates, List.of(1));
        rates[0] = 9;
        solution.cpuRates()[1] = 9;
        assertEquals(new Solution(new double[] {0.25, 0.75}, List.of(1)), solution);
        assertEquals(new Solution(new double[] {0.25, 0.75}, List.of(1)).hashCode(), solution.hashCode());
    }
}
