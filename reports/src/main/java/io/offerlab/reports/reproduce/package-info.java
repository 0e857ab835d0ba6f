/**
 * The papers' tables on demand ({@code offerlab reproduce}): fractional fair shares computed by solvers (DRF, asset
 * fairness, slots, CEEI) and the simulated reproductions of the DRF, Mesos and Omega papers.
 */
package io.offerlab.reports.reproduce;
