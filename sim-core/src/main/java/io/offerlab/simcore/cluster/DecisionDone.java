package io.offerlab.simcore.cluster;

/** The end of a framework's decision over the offers it holds: it launches tasks and declines the rest. */
final class DecisionDone extends SimEvent {
  private final FrameworkScheduler framework;

  DecisionDone(FrameworkScheduler framework) {
    this.framework = framework;
  }

  @Override
  protected void fire() {
    framework.apply(framework.sim.engine.now());
  }

  @Override
  public String toString() {
    return "decision(" + framework.name + ")";
  }
}
