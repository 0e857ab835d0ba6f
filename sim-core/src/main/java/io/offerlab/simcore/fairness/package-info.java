/**
 * Fairness-property probes of a run (sharing incentive, envy-freeness, Pareto efficiency, after Ghodsi et al., NSDI
 * 2011, section 2): pure functions over a snapshot of the cluster, and the tally that turns samples into fractions.
 */
package io.offerlab.simcore.fairness;
