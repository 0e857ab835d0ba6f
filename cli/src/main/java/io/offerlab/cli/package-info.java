/**
 * The {@code offerlab} command line: one picocli program that wires the allocators, workloads, simulator, reports
 * and benchmarks together. Exit codes: 0 success, 2 bad usage or bad input, 1 internal error.
 */
package io.offerlab.cli;
