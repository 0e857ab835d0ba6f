package io.offerlab.allocators;

/** Resources on one agent offered to one framework in an allocation cycle (a Mesos offer before the master wraps it). */
public record Offer(String frameworkId, String agentId, Resources resources) {}
