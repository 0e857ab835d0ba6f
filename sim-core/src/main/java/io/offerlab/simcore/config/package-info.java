/**
 * Simulation settings: the documented {@code defaults.yaml} resource, deep-merged with a user's YAML and bound by
 * Jackson into records that validate in their constructors, and the cluster specification.
 */
package io.offerlab.simcore.config;
