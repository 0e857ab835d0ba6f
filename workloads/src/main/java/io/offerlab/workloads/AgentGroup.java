package io.offerlab.workloads;

import java.util.Objects;

/** A group of identical agents (machines): how many, and the resources of each. */
public record AgentGroup(int count, ResourceShape shape) {
  /** Validates a positive count. */
  public AgentGroup {
    if (count <= 0) {
      throw new IllegalArgumentException("agent group count: expected a positive integer, found '" + count + "'");
    }
    Objects.requireNonNull(shape, "shape");
  }
}
