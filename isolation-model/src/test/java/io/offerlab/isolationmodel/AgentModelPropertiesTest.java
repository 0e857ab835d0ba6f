package io.offerlab.isolationmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the water-filling that hold for every agent: capacity is never exceeded, no task runs
 * above its demand or its quota, the agent is work-conserving, and tasks below their cap share the rest
 * in proportion to their weights (the CFS fairness condition, which makes the answer unique).
 */
class AgentModelPropertiesTest {

    private static final double TOL = 1e-9;

    /** A random agent: its cores, config and tasks. */
    record Agent(double cores, IsolationConfig cfg, List<TaskDemand> tasks) {
        double cap(int i) {
            var task = tasks.get(i);
            double cap = task.cpuDemand();
            return cfg.cpu() == CpuIsolation.QUOTA ? Math.min(cap, task.cgroup().quotaCores()) : cap;
        }

        double weight(int i) {
            return cfg.cpu() == CpuIsolation.NONE ? 1.0 : tasks.get(i).cgroup().cpuShares();
        }
    }

    @Provide
    Arbitrary<Agent> agents() {
        Arbitrary<Double> cores = Arbitraries.of(1.0, 2.0, 4.0, 8.0, 16.0, 64.0, 0.5, 3.3);
        Arbitrary<IsolationConfig> cfg = Combinators.combine(
                Arbitraries.of(CpuIsolation.class), Arbitraries.of(MemoryIsolation.class), Arbitraries.of(false, true))
                .as(IsolationConfig::new);
        return Combinators.combine(cores, cfg, Arbitraries.integers().between(0, 40), Arbitraries.longs())
                .as((c, config, n, seed) -> new Agent(c, config, tasks(config, n, seed)));
    }

    private static List<TaskDemand> tasks(IsolationConfig cfg, int n, long seed) {
        var random = new java.util.SplittableRandom(seed);
        var tasks = new ArrayList<TaskDemand>(n);
        for (int i = 0; i < n; i++) {
            double cpus = switch (random.nextInt(4)) {
                case 0 -> 0.001 * (1 + random.nextInt(100));
                case 1 -> 0.1 * (1 + random.nextInt(20));
                case 2 -> 1 + random.nextInt(16);
                default -> random.nextDouble() * 300;
            };
            double demand = switch (random.nextInt(5)) {
                case 0 -> Double.POSITIVE_INFINITY;
                case 1 -> 0.0;
                case 2 -> 1 + random.nextInt(8);
                default -> random.nextDouble() * 4;
            };
            double mem = random.nextDouble() * 4096;
            tasks.add(new TaskDemand(CgroupSettings.forTask(cpus, mem, cfg), demand, random.nextDouble() * 5e9));
        }
        return tasks;
    }

    private static double sum(double[] rates) {
        double total = 0;
        for (double rate : rates) {
            total += rate;
        }
        return total;
    }

    @Property
    void ratesNeverSumToMoreThanTheCores(@ForAll("agents") Agent agent) {
        var rates = new AgentModel(agent.cores(), agent.cfg()).solve(agent.tasks()).cpuRates();
        assertTrue(sum(rates) <= agent.cores() + TOL, () -> sum(rates) + " > " + agent.cores());
    }

    @Property
    void noTaskExceedsItsDemandOrItsQuota(@ForAll("agents") Agent agent) {
        var rates = new AgentModel(agent.cores(), agent.cfg()).solve(agent.tasks()).cpuRates();
        for (int i = 0; i < rates.length; i++) {
            var task = agent.tasks().get(i);
            assertTrue(rates[i] >= 0 && rates[i] <= task.cpuDemand(), "demand of task " + i);
            if (agent.cfg().cpu() == CpuIsolation.QUOTA) {
                assertTrue(rates[i] <= task.cgroup().quotaCores(), "quota of task " + i);
            }
        }
    }

    @Property
    void idleCapacityMeansEveryTaskIsAtItsCap(@ForAll("agents") Agent agent) {
        var rates = new AgentModel(agent.cores(), agent.cfg()).solve(agent.tasks()).cpuRates();
        if (sum(rates) < agent.cores() - TOL) {
            for (int i = 0; i < rates.length; i++) {
                assertEquals(agent.cap(i), rates[i], TOL, "task " + i + " is below its cap on a partly idle agent");
            }
        }
    }

    @Property
    void tasksBelowTheirCapShareInProportionToWeight(@ForAll("agents") Agent agent) {
        var rates = new AgentModel(agent.cores(), agent.cfg()).solve(agent.tasks()).cpuRates();
        double level = -1;
        for (int i = 0; i < rates.length; i++) {
            if (rates[i] < agent.cap(i) - TOL) {
                double perWeight = rates[i] / agent.weight(i);
                if (level < 0) {
                    level = perWeight;
                }
                assertEquals(level, perWeight, TOL * Math.max(1, level), "uncapped task " + i + " off the fair level");
            }
        }
        if (level >= 0) {
            for (int i = 0; i < rates.length; i++) {
                assertTrue(rates[i] / agent.weight(i) <= level * (1 + TOL) + TOL,
                        "capped task " + i + " runs above the fair level");
            }
        }
    }

    @Property
    void arrayFormMatchesRecordForm(@ForAll("agents") Agent agent) {
        var model = new AgentModel(agent.cores(), agent.cfg());
        var solution = model.solve(agent.tasks());
        int n = agent.tasks().size();
        long[] shares = new long[n + 3];
        double[] quota = new double[n + 3];
        double[] demand = new double[n + 3];
        double[] rates = new double[n + 3];
        for (int i = 0; i < n; i++) {
            var task = agent.tasks().get(i);
            shares[i] = task.cgroup().cpuShares();
            quota[i] = task.cgroup().quotaCores();
            demand[i] = task.cpuDemand();
        }
        model.solve(n, shares, quota, demand, rates);
        assertArrayEquals(solution.cpuRates(), java.util.Arrays.copyOf(rates, n));
        for (int i = 0; i < n; i++) {
            var task = agent.tasks().get(i);
            boolean killed = agent.cfg().memory() == MemoryIsolation.LIMIT
                    && task.memUsageBytes() > task.cgroup().memoryLimitBytes();
            assertEquals(killed, solution.oomKilled().contains(i), "OOM verdict of task " + i);
        }
    }

    @Property
    void inputOrderDoesNotChangeAnyTasksRate(@ForAll("agents") Agent agent) {
        var model = new AgentModel(agent.cores(), agent.cfg());
        var rates = model.solve(agent.tasks()).cpuRates();
        var reversed = new ArrayList<>(agent.tasks());
        java.util.Collections.reverse(reversed);
        var back = model.solve(reversed).cpuRates();
        for (int i = 0; i < rates.length; i++) {
            assertEquals(rates[i], back[rates.length - 1 - i], TOL);
        }
    }
}
