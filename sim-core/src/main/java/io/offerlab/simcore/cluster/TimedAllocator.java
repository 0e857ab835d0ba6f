package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.Offer;
import io.offerlab.allocators.OfferBatch;
import io.offerlab.allocators.Resources;
import io.offerlab.simcore.metrics.NanoHistogram;
import java.util.Collection;
import java.util.List;

/**
 * An allocator measured in wall time for perf.json: every cycle's duration, and the total spent in cycles, recovers,
 * revives and suppresses. It changes nothing the allocator does. The recovers of one framework's answer are timed as
 * one span ({@link #beginAnswer}, {@link #endAnswer}), which saves two clock reads per offer and counts the master's
 * loop over the answer's offers as allocator time.
 */
final class TimedAllocator implements Allocator {
  private final Allocator allocator;
  private final NanoHistogram cycleNanos = new NanoHistogram();
  private long allocatorNanos;
  /** When the answer being timed started, or -1 when no answer is being timed. */
  private long answerStart = -1;

  TimedAllocator(Allocator allocator) {
    this.allocator = allocator;
  }

  /** Returns the durations of the cycles run. */
  NanoHistogram cycleNanos() {
    return cycleNanos;
  }

  /** Returns the wall time spent inside the allocator's cycles, recovers, revives and suppresses. */
  long allocatorNanos() {
    return allocatorNanos;
  }

  @Override
  public void addAgent(String agentId, Resources total) {
    allocator.addAgent(agentId, total);
  }

  @Override
  public void addAgent(String agentId, Resources total, java.util.Map<String, Resources> used) {
    allocator.addAgent(agentId, total, used);
  }

  @Override
  public long nextOfferTime(long nowMicros) {
    return allocator.nextOfferTime(nowMicros);
  }

  @Override
  public void updateAgent(String agentId, Resources total) {
    allocator.updateAgent(agentId, total);
  }

  @Override
  public void addResourceProvider(String agentId, Resources total, java.util.Map<String, Resources> used) {
    allocator.addResourceProvider(agentId, total, used);
  }

  @Override
  public void removeAgent(String agentId) {
    allocator.removeAgent(agentId);
  }

  @Override
  public void addFramework(String frameworkId, String role, java.util.Set<io.offerlab.allocators.Capability> capabilities) {
    allocator.addFramework(frameworkId, role, capabilities);
  }

  @Override
  public void updateFramework(String frameworkId, java.util.Set<io.offerlab.allocators.Capability> capabilities) {
    allocator.updateFramework(frameworkId, capabilities);
  }

  @Override
  public void removeFramework(String frameworkId) {
    allocator.removeFramework(frameworkId);
  }

  @Override
  public void activateFramework(String frameworkId) {
    allocator.activateFramework(frameworkId);
  }

  @Override
  public void deactivateFramework(String frameworkId) {
    allocator.deactivateFramework(frameworkId);
  }

  @Override
  public void setWeight(String role, double weight) {
    allocator.setWeight(role, weight);
  }

  /** Starts timing the recovers of one answer as a single span. */
  void beginAnswer() {
    answerStart = System.nanoTime();
  }

  /** Ends the span that {@link #beginAnswer} started. */
  void endAnswer() {
    allocatorNanos += System.nanoTime() - answerStart;
    answerStart = -1;
  }

  /** Starts timing one recover, or returns -1 inside an answer's span, which times it already. */
  private long recoverStart() {
    return answerStart >= 0 ? -1 : System.nanoTime();
  }

  private void recoverEnd(long start) {
    if (start >= 0) {
      allocatorNanos += System.nanoTime() - start;
    }
  }

  @Override
  public void recover(String frameworkId, String agentId, Resources resources, double refuseSeconds, long nowMicros) {
    long start = recoverStart();
    allocator.recover(frameworkId, agentId, resources, refuseSeconds, nowMicros);
    recoverEnd(start);
  }

  @Override
  public void recover(int frameworkIndex, int agentIndex, long[] milli, double refuseSeconds, long nowMicros) {
    long start = recoverStart();
    allocator.recover(frameworkIndex, agentIndex, milli, refuseSeconds, nowMicros);
    recoverEnd(start);
  }

  @Override
  public void recover(OfferBatch batch, int offer, double refuseSeconds, long nowMicros) {
    long start = recoverStart();
    allocator.recover(batch, offer, refuseSeconds, nowMicros);
    recoverEnd(start);
  }

  @Override
  public int agentIndex(String agentId) {
    return allocator.agentIndex(agentId);
  }

  @Override
  public int frameworkIndex(String frameworkId) {
    return allocator.frameworkIndex(frameworkId);
  }

  @Override
  public String agentId(int agentIndex) {
    return allocator.agentId(agentIndex);
  }

  @Override
  public String frameworkId(int frameworkIndex) {
    return allocator.frameworkId(frameworkIndex);
  }

  @Override
  public void allocate(long nowMicros, OfferBatch into) {
    long start = System.nanoTime();
    allocator.allocate(nowMicros, into);
    record(System.nanoTime() - start);
  }

  @Override
  public void allocate(long nowMicros, Collection<String> agentIds, OfferBatch into) {
    long start = System.nanoTime();
    allocator.allocate(nowMicros, agentIds, into);
    record(System.nanoTime() - start);
  }

  @Override
  public void suppress(String frameworkId) {
    long start = System.nanoTime();
    allocator.suppress(frameworkId);
    allocatorNanos += System.nanoTime() - start;
  }

  @Override
  public void revive(String frameworkId) {
    long start = System.nanoTime();
    allocator.revive(frameworkId);
    allocatorNanos += System.nanoTime() - start;
  }

  @Override
  public List<Offer> allocate(long nowMicros) {
    long start = System.nanoTime();
    List<Offer> offers = allocator.allocate(nowMicros);
    record(System.nanoTime() - start);
    return offers;
  }

  @Override
  public List<Offer> allocate(long nowMicros, Collection<String> agentIds) {
    long start = System.nanoTime();
    List<Offer> offers = allocator.allocate(nowMicros, agentIds);
    record(System.nanoTime() - start);
    return offers;
  }

  private void record(long elapsed) {
    cycleNanos.record(elapsed);
    allocatorNanos += elapsed;
  }

  @Override
  public Resources allocation(String frameworkId, String agentId) {
    return allocator.allocation(frameworkId, agentId);
  }

  @Override
  public Resources available(String agentId) {
    return allocator.available(agentId);
  }
}
