package io.offerlab.jmh;

/** Which allocator SPI a benchmark drives (a {@code @Param}). */
public enum Api {
  /** String ids and a list of {@code Offer} objects per cycle: what scenarios and the real master use. */
  LIST,
  /** Agent and framework indices, offers in a reused {@code OfferBatch}: what the simulator's master core uses. */
  BATCH
}
