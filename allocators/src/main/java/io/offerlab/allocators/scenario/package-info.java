/**
 * The allocator conformance runner: replays a JSON scenario of allocator calls against one allocator and prints the
 * offers of each allocation step (ARCHITECTURE.md section 4).
 */
package io.offerlab.allocators.scenario;
