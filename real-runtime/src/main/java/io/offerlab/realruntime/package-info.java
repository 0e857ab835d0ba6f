/**
 * Offerlab's real runtime: a master speaking the Mesos v1 scheduler HTTP API, agents that run tasks as real processes
 * in real cgroups, and built-in frameworks. Its subpackages hold the wire format, the agent and the frameworks.
 */
package io.offerlab.realruntime;
