package io.offerlab.simcore.master;

import io.offerlab.allocators.OfferBatch;
import java.util.List;

/**
 * What the master core needs from its driver: it creates the driver's offer objects, hands each framework its offers
 * of a cycle, reports rescinds, and finds the outstanding offers (which live with the frameworks, as in Mesos they
 * are with the schedulers until answered).
 *
 * @param <O> the driver's offer type
 */
public interface MasterListener<O extends MasterOffer> {
  /** Creates the driver's offer object for {@code key} and {@code resources}. */
  O newOffer(MasterOffer.OfferKey key, io.offerlab.allocators.Resources resources);

  /**
   * Creates the driver's offer object for {@code key} and offer {@code offer} of a cycle's batch (the batch is reused
   * by the next cycle, so the offer must copy what it keeps). By default, through {@link #newOffer(MasterOffer.OfferKey,
   * io.offerlab.allocators.Resources)} with the offer's resources; a driver may read the batch's arrays instead.
   */
  default O newOffer(MasterOffer.OfferKey key, OfferBatch batch, int offer) {
    return newOffer(key, batch.resources(offer));
  }

  /** Returns a new array for {@code size} offers. */
  O[] newBatch(int size);

  /**
   * Delivers one framework's offers of a cycle, as one Mesos OFFERS event: the frameworks of a cycle in the order
   * the allocator first offered to them, each batch in the allocator's order.
   */
  void offersMade(int frameworkIndex, O[] batch, long nowMicros);

  /** Reports that an outstanding offer was rescinded (its status is already RESCINDED). */
  void offerRescinded(O offer, long nowMicros);

  /** Adds the outstanding offers on agent {@code agentIndex} (on every agent when -1) to {@code out}. */
  void collectOutstanding(int agentIndex, List<O> out);
}
