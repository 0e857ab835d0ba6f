/**
 * The Offerlab agent: detects or parses its resources, registers with the master over HTTP, and runs each task as a
 * real process in its own sandbox and cgroups, reporting status updates until the master acknowledges them.
 */
package io.offerlab.realruntime.agent;
