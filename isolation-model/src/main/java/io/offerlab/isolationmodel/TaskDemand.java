package io.offerlab.isolationmodel;

import java.util.Locale;

/**
 * What one running task asks of its agent right now: its cgroup settings, the CPU it could use
 * (its runnable threads, in cores) and the memory it holds.
 *
 * @param cgroup the task's cgroup settings, from {@link CgroupSettings#forTask}
 * @param cpuDemand the cores the task could use now, &gt;= 0; +infinity means as many as it is given
 * @param memUsageBytes the memory the task uses now, in bytes, &gt;= 0
 */
public record TaskDemand(CgroupSettings cgroup, double cpuDemand, double memUsageBytes) {

    /** Validate the demand; bad input names the field. */
    public TaskDemand {
        if (cgroup == null) {
            throw new IllegalArgumentException("cgroup: expected cgroup settings, found nothing");
        }
        if (!(cpuDemand >= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cpuDemand: expected a number of cores >= 0, found %s", cpuDemand));
        }
        if (!(memUsageBytes >= 0) || Double.isInfinite(memUsageBytes)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "memUsageBytes: expected a finite number of bytes >= 0, found %s", memUsageBytes));
        }
    }
}
