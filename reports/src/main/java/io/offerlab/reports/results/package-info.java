/**
 * Readers for the per-run results files described in docs/results-schema.md, plus the number formatting the files
 * use. Bad input fails with a {@link io.offerlab.reports.results.ResultsException} naming the file and line.
 */
package io.offerlab.reports.results;
