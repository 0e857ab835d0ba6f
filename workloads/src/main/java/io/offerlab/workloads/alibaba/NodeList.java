package io.offerlab.workloads.alibaba;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.WorkloadException;
import io.offerlab.workloads.reader.BadRows;
import io.offerlab.workloads.reader.LineSource;
import io.offerlab.workloads.reader.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an openb node list into agent groups: nodes of equal CPU, memory and GPU count, in order of appearance. */
final class NodeList {
  private NodeList() {}

  /** Reads the whole (small) node list; returns the groups. */
  static List<AgentGroup> read(Path file, BadRows badRows) {
    Map<ResourceShape, Integer> groups = new LinkedHashMap<>();
    try (LineSource src = new LineSource(file)) {
      Header.require(src, NodeColumn.headerLine(), "the node list header");
      Row row = Row.separatedBy(src, ',');
      while (src.next()) {
        if (src.blank()) {
          continue;
        }
        try {
          row.split();
          row.requireFields(NodeColumn.COUNT);
          if (row.isEmpty(NodeColumn.SN)) {
            throw row.error(NodeColumn.SN, "a node name");
          }
          double cpus = row.parseNonNegative(NodeColumn.CPU_MILLI) / 1000;
          double mem = row.parseNonNegative(NodeColumn.MEMORY_MIB);
          double gpus = row.parseLong(NodeColumn.GPU, 0, 1024);
          groups.merge(new ResourceShape(cpus, mem, 0, gpus), 1, Integer::sum);
        } catch (WorkloadException e) {
          badRows.handle(e);
        }
      }
    }
    List<AgentGroup> out = new ArrayList<>();
    groups.forEach((shape, count) -> out.add(new AgentGroup(count, shape)));
    return List.copyOf(out);
  }
}
