package io.offerlab.workloads.google2011;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.reader.BadRows;
import io.offerlab.workloads.reader.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cluster a {@code machine_events} table implies: each machine at the capacity of its first ADD event. */
final class MachineEvents {
  private MachineEvents() {}

  /** Reads every part, scales normalized capacities by {@code machine}, and groups machines by shape in order. */
  static List<AgentGroup> read(List<Path> files, BadRows badRows, ResourceShape machine) {
    Set<Long> seen = new HashSet<>();
    Map<ResourceShape, Integer> groups = new LinkedHashMap<>();
    long[] parsed = new long[2];
    double[] capacity = new double[2];
    PartStream stream = new PartStream(files, MachineEventColumn.COUNT, MachineEventColumn.TIME, badRows,
        (Row row, long time) -> {
          parsed[0] = row.parseLong(MachineEventColumn.MACHINE_ID, 0, Long.MAX_VALUE);
          parsed[1] = row.parseLong(MachineEventColumn.EVENT_TYPE, 0, 2);
          boolean missing = row.isEmpty(MachineEventColumn.CPUS) || row.isEmpty(MachineEventColumn.MEMORY);
          capacity[0] = missing ? Double.NaN : row.parseNonNegative(MachineEventColumn.CPUS);
          capacity[1] = missing ? Double.NaN : row.parseNonNegative(MachineEventColumn.MEMORY);
        }, "a machine_events row");
    try (stream) {
      while (stream.advance()) {
        if (parsed[1] == 0 && !Double.isNaN(capacity[0]) && seen.add(parsed[0])) {
          ResourceShape shape = new ResourceShape(capacity[0] * machine.cpus(), capacity[1] * machine.memMb(),
              machine.diskMb(), 0);
          groups.merge(shape, 1, Integer::sum);
        }
      }
    }
    List<AgentGroup> out = new ArrayList<>();
    groups.forEach((shape, count) -> out.add(new AgentGroup(count, shape)));
    return List.copyOf(out);
  }
}
