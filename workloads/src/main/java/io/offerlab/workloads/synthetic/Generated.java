package io.offerlab.workloads.synthetic;

import io.offerlab.workloads.AgentGroup;
import java.util.List;

/** What a mix builds: its framework sources, in tie-break order, and the cluster it is sized for. */
record Generated(List<JobSource> sources, List<AgentGroup> cluster) {}
