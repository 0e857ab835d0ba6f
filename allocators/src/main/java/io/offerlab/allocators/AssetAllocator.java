package io.offerlab.allocators;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Asset fairness, the first baseline of the DRF paper (Ghodsi et al., "Dominant Resource Fairness: Fair Allocation of
 * Multiple Resource Types", NSDI 2011, section 2): clients are ordered by the <em>sum</em> of their shares over the
 * resource kinds instead of the largest one. Otherwise exactly {@code drf}: roles then frameworks, role weights
 * dividing the share, ties broken by fewer picks then the smaller name, decline filters, whole-agent offers.
 *
 * <p>Each share is Mesos' quotient of doubles ({@code DRFSorter::calculateShare}: allocation / total as the doubles
 * Mesos keeps for sums of scalars), over kinds with a positive cluster total, summed in resource-name order so that
 * the result does not depend on the order the kinds were first seen in.
 */
@AllocatorSpec(name = "asset", traits = {Trait.MULTI_RESOURCE, Trait.ROLES, Trait.WEIGHTS},
    description = "Asset fairness (DRF paper's baseline): roles then frameworks by the weighted sum of their shares")
public final class AssetAllocator extends HierarchicalAllocator {
  /** Kind indices in name order, for the widest vector seen so far. */
  private static volatile int[] nameOrder = new int[0];

  /** Creates the allocator. */
  public AssetAllocator(AllocatorOptions options) {
    super(options);
  }

  @Override
  Sorter newSorter(boolean forRoles) {
    return new DrfSorter(clusterTotal(), false, (client, total) -> assetShare(client.allocated, total) / client.weight);
  }

  /** Returns the sum over kinds with a positive total of allocation / total, in resource-name order. */
  static double assetShare(long[] allocated, long[] total) {
    int n = Math.min(allocated.length, total.length);
    double sum = 0;
    for (int i : nameOrder(total.length)) {
      if (i < n && total[i] > 0 && allocated[i] > 0) {
        sum += Resources.mesosDouble(allocated[i]) / Resources.mesosDouble(total[i]);
      }
    }
    return sum;
  }

  /** Returns kind indices in name order, covering at least {@code width} kinds (indices past it are skipped). */
  private static int[] nameOrder(int width) {
    int[] order = nameOrder;
    if (order.length < width) {
      order = nameOrderOf(width);
      nameOrder = order;
    }
    return order;
  }

  private static int[] nameOrderOf(int width) {
    Integer[] boxed = new Integer[width];
    Arrays.setAll(boxed, i -> i);
    Arrays.sort(boxed, Comparator.comparing(ResourceKinds::name));
    return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
  }
}
