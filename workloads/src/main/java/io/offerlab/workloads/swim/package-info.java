/**
 * Reader for SWIM workloads (Chen et al., MASCOTS 2011): Hadoop jobs given as byte sizes, turned into map and reduce
 * tasks by a documented, option-driven model.
 */
package io.offerlab.workloads.swim;
