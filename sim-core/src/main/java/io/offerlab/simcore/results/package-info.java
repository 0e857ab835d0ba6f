/**
 * The one home of the results format (docs/results-schema.md), used by every writer and reader: the number format,
 * atomic files, CSV, JSON writing and reading, the schema's key names, and typed records for results.json, jobs.csv,
 * timeseries.csv and perf.json. Bad input fails with a {@link io.offerlab.simcore.results.ResultsException} whose
 * message is one line naming the file and line or field.
 */
package io.offerlab.simcore.results;
