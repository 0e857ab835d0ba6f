package io.offerlab.allocators;

/**
 * How a {@link ShareRuleSorter} measures what a client holds against the cluster total, before dividing by the
 * client's weight: the sum of its shares (asset fairness) or the slots it holds.
 */
@FunctionalInterface
interface ShareRule {
  /** Returns the unweighted measure of {@code allocated} (thousandths by kind) against {@code total}. */
  double measure(long[] allocated, long[] total);
}
