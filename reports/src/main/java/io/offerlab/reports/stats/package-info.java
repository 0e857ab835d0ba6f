/** Statistics over seeds: paired t confidence intervals of speedups and utilisation differences. */
package io.offerlab.reports.stats;
