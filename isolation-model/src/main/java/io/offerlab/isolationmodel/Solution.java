package io.offerlab.isolationmodel;

import java.util.Arrays;
import java.util.List;

/**
 * The state of one agent after the model has run: each task's CPU rate, and the tasks the memory
 * limit kills (Mesos: TASK_FAILED with {@code REASON_CONTAINER_LIMITATION_MEMORY}).
 *
 * @param cpuRates the cores each task runs on, in input order
 * @param oomKilled the indices, in the input list and in increasing order, of the tasks to OOM-kill
 */
public record Solution(double[] cpuRates, List<Integer> oomKilled) {

    /** The reason an OOM-killed task carries in Offerlab's results. */
    public static final String OOM_REASON = "memory-limit";
    /** The Mesos task status reason the same kill carries on a real agent. */
    public static final String MESOS_OOM_REASON = "REASON_CONTAINER_LIMITATION_MEMORY";

    /** Copy the inputs so that the solution cannot change after it is made. */
    public Solution {
        if (cpuRates == null || oomKilled == null) {
            throw new IllegalArgumentException("solution: expected cpuRates and oomKilled, found nothing");
        }
        cpuRates = cpuRates.clone();
        oomKilled = List.copyOf(oomKilled);
    }

    /** Return a copy of the rates. */
    @Override
    public double[] cpuRates() {
        return cpuRates.clone();
    }

    /** Compare rates by value. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Solution that
                && Arrays.equals(cpuRates, that.cpuRates)
                && oomKilled.equals(that.oomKilled);
    }

    /** Hash rates by value. */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(cpuRates) + oomKilled.hashCode();
    }

    /** Show rates by value. */
    @Override
    public String toString() {
        return "Solution[cpuRates=" + Arrays.toString(cpuRates) + ", oomKilled=" + oomKilled + "]";
    }
}
