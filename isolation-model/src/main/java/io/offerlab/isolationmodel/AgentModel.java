package io.offerlab.isolationmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fluid model of one agent's cgroups: the CPU rate of each running task and the tasks its
 * memory limit kills, for the isolation Mesos' cgroups isolators set up.
 *
 * <p>CPU follows the Linux CFS group scheduler's weighted fair sharing, which is work-conserving:
 * the agent's cores are water-filled in proportion to {@code cpu.shares}, each task capped by its
 * demand (a task cannot use more cores than it has runnable threads) and, with {@link CpuIsolation#QUOTA},
 * by its CFS quota (quota / period cores). A task whose cap is below its fair share keeps its cap, and the
 * spare is divided among the others in proportion to their shares until nothing changes. The answer is exact
 * (no time stepping) and costs O(n log n). With {@link CpuIsolation#NONE} all weights are equal and only
 * demand caps; with {@link CpuIsolation#SHARES} quotas are ignored.
 *
 * <p>Memory: with {@link MemoryIsolation#LIMIT} a task whose usage is above its {@code memory.limit_in_bytes}
 * is OOM-killed; usage at the limit is allowed. With {@link MemoryIsolation#NONE} nothing is killed.
 *
 * <p>Left out: per-core run queues and load-balancing lag, hyperthreading, cpusets, the sub-period
 * burstiness of CFS bandwidth control, I/O, memory bandwidth, caches, page-cache reclaim, swap and the
 * global OOM killer (the model never kills for total agent memory). An instance reuses scratch arrays,
 * so it is not thread-safe; use one per thread.
 */
public final class AgentModel {

    private final double cores;
    private final IsolationConfig cfg;
    private int[] order = new int[0];
    private double[] key = new double[0];

    /** Create the model of an agent with {@code cores} cores under {@code cfg}. */
    public AgentModel(double cores, IsolationConfig cfg) {
        if (!(cores > 0) || Double.isInfinite(cores)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cores: expected a finite number > 0, found %s", cores));
        }
        if (cfg == null) {
            throw new IllegalArgumentException("isolation: expected an isolation config, found nothing");
        }
        this.cores = cores;
        this.cfg = cfg;
    }

    /** Return the agent's cores. */
    public double cores() {
        return cores;
    }

    /** Return the agent's isolation config. */
    public IsolationConfig config() {
        return cfg;
    }

    /** Solve the agent for {@code tasks}: each task's CPU rate and the indices of the tasks to OOM-kill. */
    public Solution solve(List<TaskDemand> tasks) {
        if (tasks == null) {
            throw new IllegalArgumentException("tasks: expected a list of task demands, found nothing");
        }
        int n = tasks.size();
        long[] shares = new long[n];
        double[] quotaCores = new double[n];
        double[] demand = new double[n];
        double[] rates = new double[n];
        List<Integer> killed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TaskDemand task = tasks.get(i);
            if (task == null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "tasks[%d]: expected a task demand, found nothing", i));
            }
            shares[i] = task.cgroup().cpuShares();
            quotaCores[i] = task.cgroup().quotaCores();
            demand[i] = task.cpuDemand();
            if (oomKills(task.cgroup().memoryLimitBytes(), task.memUsageBytes())) {
                killed.add(i);
            }
        }
        solve(n, shares, quotaCores, demand, rates);
        return new Solution(rates, killed);
    }

    /**
     * Write the CPU rates of the first {@code n} tasks into {@code outRates}, allocating nothing once
     * the scratch arrays have grown to {@code n}.
     *
     * @param n the number of tasks
     * @param shares each task's {@code cpu.shares}, &gt; 0 (ignored with {@link CpuIsolation#NONE})
     * @param quotaCores each task's quota in cores, +infinity for none (used with {@link CpuIsolation#QUOTA} only)
     * @param demand the cores each task could use now, &gt;= 0, +infinity for unbounded
     * @param outRates receives the cores each task runs on
     */
    public void solve(int n, long[] shares, double[] quotaCores, double[] demand, double[] outRates) {
        checkArrays(n, shares, quotaCores, demand, outRates);
        ensureScratch(n);
        boolean equal = cfg.cpu() == CpuIsolation.NONE;
        boolean capByQuota = cfg.cpu() == CpuIsolation.QUOTA;
        double totalWeight = 0;
        for (int i = 0; i < n; i++) {
            double cap = demand[i];
            if (!(cap >= 0)) {
                throw badElement("demand", i, "a number of cores >= 0", cap);
            }
            if (!equal && shares[i] <= 0) {
                throw badElement("shares", i, "a number > 0", shares[i]);
            }
            if (capByQuota) {
                double quota = quotaCores[i];
                if (!(quota >= 0)) {
                    throw badElement("quotaCores", i, "a number of cores >= 0 or +infinity", quota);
                }
                cap = Math.min(cap, quota);
            }
            double weight = equal ? 1.0 : shares[i];
            outRates[i] = cap;
            key[i] = cap / weight;
            order[i] = i;
            totalWeight += weight;
        }
        sortByKey(n);
        // Water-filling: visit tasks by cap per unit weight; a task whose cap is within the fair level
        // of what is left keeps its cap, and the first one above it fixes the level for all the rest.
        double remaining = cores;
        double weightLeft = totalWeight;
        int j = 0;
        while (j < n) {
            int i = order[j];
            double weight = equal ? 1.0 : shares[i];
            if (outRates[i] * weightLeft > remaining * weight) {
                break;
            }
            remaining -= outRates[i];
            weightLeft -= weight;
            j++;
        }
        if (j < n) {
            double level = Math.max(remaining, 0.0) / weightLeft;
            for (; j < n; j++) {
                int i = order[j];
                double weight = equal ? 1.0 : shares[i];
                outRates[i] = Math.min(outRates[i], level * weight);
            }
        }
    }

    /** Return whether this agent OOM-kills a task with this limit and usage: {@link #exceedsLimit} under {@link MemoryIsolation#LIMIT}, never otherwise. */
    public boolean oomKills(long memoryLimitBytes, double memUsageBytes) {
        return cfg.memory() == MemoryIsolation.LIMIT && exceedsLimit(memoryLimitBytes, memUsageBytes);
    }

    /** Return whether {@code memUsageBytes} is above {@code memoryLimitBytes}; a limit of -1 is never exceeded. */
    public static boolean exceedsLimit(long memoryLimitBytes, double memUsageBytes) {
        return memoryLimitBytes >= 0 && memUsageBytes > memoryLimitBytes;
    }

    private static void checkArrays(int n, long[] shares, double[] quotaCores, double[] demand, double[] outRates) {
        if (n < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "n: expected a count >= 0, found %d", n));
        }
        checkLength("shares", shares == null ? -1 : shares.length, n);
        checkLength("quotaCores", quotaCores == null ? -1 : quotaCores.length, n);
        checkLength("demand", demand == null ? -1 : demand.length, n);
        checkLength("outRates", outRates == null ? -1 : outRates.length, n);
    }

    private static void checkLength(String field, int length, int n) {
        if (length < n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: expected an array of at least %d entries, found %s",
                    field, n, length < 0 ? "nothing" : Integer.toString(length)));
        }
    }

    private static IllegalArgumentException badElement(String field, int index, String expected, Object found) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "%s[%d]: expected %s, found %s", field, index, expected, found));
    }

    private void ensureScratch(int n) {
        if (order.length < n) {
            int size = Math.max(n, 2 * order.length);
            order = new int[size];
            key = new double[size];
        }
    }

    /** Heap sort of {@code order[0..n)} by (key, index): O(n log n), in place, no allocation. */
    private void sortByKey(int n) {
        for (int start = n / 2 - 1; start >= 0; start--) {
            siftDown(start, n);
        }
        for (int end = n - 1; end > 0; end--) {
            int top = order[0];
            order[0] = order[end];
            order[end] = top;
            siftDown(0, end);
        }
    }

    private void siftDown(int root, int size) {
        int node = root;
        while (true) {
            int child = 2 * node + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && before(order[child], order[child + 1])) {
                child++;
            }
            if (!before(order[node], order[child])) {
                return;
            }
            int swap = order[node];
            order[node] = order[child];
            order[child] = swap;
            node = child;
        }
    }

    private boolean before(int a, int b) {
        int byKey = Double.compare(key[a], key[b]);
        return byKey < 0 || (byKey == 0 && a < b);
    }
}
