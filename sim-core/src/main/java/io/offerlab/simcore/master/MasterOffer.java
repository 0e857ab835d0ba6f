package io.offerlab.simcore.master;

import io.offerlab.allocators.Resources;

/**
 * One offer the master core made: a framework may use these resources of an agent until it accepts (launching
 * tasks), declines, or the master rescinds it (offer timeout, agent removal), as a Mesos {@code Offer}. Only the core
 * changes its status.
 *
 * <p>It is not final: a driver extends it with what it keeps per offer (the simulator, a framework's planning scratch)
 * and creates it through {@link MasterListener#newOffer}, so that each offer is one object. An offer of scalars only
 * may be made without a {@link Resources} object: it then tells its thousandths through {@link #scalarMilli} and
 * makes its resources when first asked ({@link #scalarResources}).
 */
public class MasterOffer {
  /** Where an offer stands. */
  public enum Status { OUTSTANDING, ACCEPTED, DECLINED, RESCINDED }

  private final long id;
  private final int frameworkIndex;
  private final String frameworkId;
  private final int agentIndex;
  private final String agentId;
  /** The offered resources; null until first asked for an offer made from thousandths. */
  private Resources resources;
  private final long createdAt;
  private Status status = Status.OUTSTANDING;

  /**
   * Creates an outstanding offer; called by the driver from {@link MasterListener#newOffer}. {@code resources} may be
   * null for an offer of scalars only whose class overrides {@link #scalarMilli} and {@link #scalarResources}.
   */
  protected MasterOffer(OfferKey key, Resources resources) {
    this.id = key.id;
    this.frameworkIndex = key.frameworkIndex;
    this.frameworkId = key.frameworkId;
    this.agentIndex = key.agentIndex;
    this.agentId = key.agentId;
    this.resources = resources;
    this.createdAt = key.createdAt;
  }

  /** Returns the offer's id, unique within one master core (they count up from 1). */
  public final long id() {
    return id;
  }

  /** Returns the framework's index (the order frameworks were added in, from 0). */
  public final int frameworkIndex() {
    return frameworkIndex;
  }

  /** Returns the framework's id. */
  public final String frameworkId() {
    return frameworkId;
  }

  /** Returns the agent's index (the order agents were added in, from 0). */
  public final int agentIndex() {
    return agentIndex;
  }

  /** Returns the agent's id. */
  public final String agentId() {
    return agentId;
  }

  /** Returns the offered resources. */
  public final Resources resources() {
    Resources r = resources;
    if (r == null) {
      r = scalarResources();
      resources = r;
    }
    return r;
  }

  /**
   * Makes the resources of an offer created without them (a {@code null} {@code resources} in the constructor); a
   * driver that creates such offers overrides it, together with {@link #scalarMilli}.
   */
  protected Resources scalarResources() {
    throw new IllegalStateException("offer " + id + " has no resources");
  }

  /**
   * Writes the offer's cpus, mem, disk and gpus in thousandths into {@code into[0..3]} and returns true when those four
   * are all it offers (no range and no other named scalar); returns false otherwise, and then {@link #resources()}
   * says what it offers. The core recovers such an offer by index, without a {@link Resources} object.
   */
  protected boolean scalarMilli(long[] into) {
    return false;
  }

  /** Returns when the offer was made, in microseconds. */
  public final long createdAt() {
    return createdAt;
  }

  /** Returns where the offer stands. */
  public final Status status() {
    return status;
  }

  /** Returns whether the offer is still unanswered. */
  public final boolean outstanding() {
    return status == Status.OUTSTANDING;
  }

  final void resolve(Status newStatus) {
    status = newStatus;
  }

  /** Who an offer is for and when it was made; filled by the core, handed to {@link MasterListener#newOffer}. */
  public static final class OfferKey {
    private long id;
    private int frameworkIndex;
    private String frameworkId;
    private int agentIndex;
    private String agentId;
    private long createdAt;

    OfferKey() {}

    void set(long id, int frameworkIndex, String frameworkId, int agentIndex, String agentId, long createdAt) {
      this.id = id;
      this.frameworkIndex = frameworkIndex;
      this.frameworkId = frameworkId;
      this.agentIndex = agentIndex;
      this.agentId = agentId;
      this.createdAt = createdAt;
    }

    /** Returns the framework's index. */
    public int frameworkIndex() {
      return frameworkIndex;
    }

    /** Returns the agent's index. */
    public int agentIndex() {
      return agentIndex;
    }
  }
}
