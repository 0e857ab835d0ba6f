/**
 * Reader for the Standard Workload Format of the Parallel Workloads Archive: one rigid (gang) job per line, header
 * comments giving the machine size.
 */
package io.offerlab.workloads.swf;
