/**
 * Built-in frameworks that speak the Mesos v1 scheduler HTTP API exactly as an external framework does, such as
 * {@code offerlab execute}, Offerlab's {@code mesos-execute}.
 */
package io.offerlab.realruntime.framework;
