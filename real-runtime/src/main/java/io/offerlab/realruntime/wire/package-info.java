/**
 * The Mesos v1 wire format: JSON to and from the generated protobuf messages by stout's rules, and RecordIO framing
 * of event streams (ARCHITECTURE.md 7.1).
 */
package io.offerlab.realruntime.wire;
