/**
 * A run folder as reports see it: its files read through {@link io.offerlab.simcore.results} (the one home of the
 * results format), the summary metrics as named table columns, and job-by-job matching of two runs.
 */
package io.offerlab.reports.results;
