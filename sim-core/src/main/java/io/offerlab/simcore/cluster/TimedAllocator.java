package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.Offer;
import io.offerlab.allocators.Resources;
import io.offerlab.simcore.metrics.NanoHistogram;
import java.util.Collection;
import java.util.List;

/**
 * An allocator measured in wall time for perf.json: every cycle's duration, and the total spent in cycles, recovers,
 * revives and suppresses. It changes nothing the allocator does.
 */
final class TimedAllocator implements Allocator {
  private final Allocator allocator;
  private final NanoHistogram cycleNanos = new NanoHistogram();
  private long allocatorNanos;

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

  @Override
  public void recover(String frameworkId, String agentId, Resources resources, double refuseSeconds, long nowMicros) {
    long start = System.nanoTime();
    allocator.recover(frameworkId, agentId, resources, refuseSeconds, nowMicros);
    allocatorNanos += System.nanoTime() - start;
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
