/** Small pieces shared by the master's and the agent's Jetty 12 core handlers (no servlets): routing and JSON replies. */
package io.offerlab.realruntime.http;
