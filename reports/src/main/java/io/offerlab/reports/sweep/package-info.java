/**
 * Parameter sweeps: allocators x workloads x seeds x parameter values, run in parallel, resumable, shardable over
 * machines, combined into one CSV with confidence intervals over seeds and charts of a metric against a parameter.
 */
package io.offerlab.reports.sweep;
