package io.offerlab.simcore.cluster;

import io.offerlab.simcore.engine.Engine;

/** The end of a framework's decision over the offers it holds: it launches tasks and declines the rest. */
final class DecisionDone extends SimEvent {
  private final FrameworkScheduler framework;
  private final Engine engine;

  DecisionDone(FrameworkScheduler framework, Engine engine) {
    this.framework = framework;
    this.engine = engine;
  }

  @Override
  protected void fire() {
    framework.apply(engine.now());
  }

  @Override
  public String toString() {
    return "decision(" + framework.name + ")";
  }
}
