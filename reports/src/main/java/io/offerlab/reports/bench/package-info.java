/**
 * Benchmark reports: reads JMH's JSON results ({@code -rf json}) and draws scaling charts (time per allocation cycle
 * against agents, log-log, one line per allocator and framework count) plus a Markdown table.
 */
package io.offerlab.reports.bench;
