package io.offerlab.realruntime.master;

import io.offerlab.allocators.Ranges;
import io.offerlab.allocators.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

/**
 * Converts between Mesos' {@code Resource} messages and the allocators' {@link Resources} vector: scalars (Mesos
 * rounds them to three decimals, so does {@code Resources}) and ranges such as {@code ports}. Sets are not in the
 * vector and are left out of what the allocator sees.
 */
final class MesosResources {
  private MesosResources() {
  }

  /** Return {@code resources} as a vector; resources of one name add up. */
  static Resources toVector(List<Resource> resources) {
    Resources out = Resources.EMPTY;
    for (Resource r : resources) {
      if (r.getType() == Value.Type.SCALAR && r.hasScalar()) {
        out = out.with(r.getName(), out.get(r.getName()) + r.getScalar().getValue());
      } else if (r.getType() == Value.Type.RANGES && r.hasRanges()) {
        long[] pairs = new long[2 * r.getRanges().getRangeCount()];
        for (int i = 0; i < r.getRanges().getRangeCount(); i++) {
          pairs[2 * i] = r.getRanges().getRange(i).getBegin();
          pairs[2 * i + 1] = r.getRanges().getRange(i).getEnd();
        }
        out = out.withRanges(r.getName(), out.ranges(r.getName()).plus(Ranges.of(pairs)));
      }
    }
    return out;
  }

  /** Return a vector as Mesos resources: scalars, then ranges, each in name order. */
  static List<Resource> toMesos(Resources resources) {
    var out = new ArrayList<Resource>();
    for (Map.Entry<String, Double> e : resources.asMap().entrySet()) {
      out.add(Resource.newBuilder().setName(e.getKey()).setType(Value.Type.SCALAR)
          .setScalar(Value.Scalar.newBuilder().setValue(e.getValue())).build());
    }
    for (Map.Entry<String, Ranges> e : resources.rangeMap().entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      var ranges = Value.Ranges.newBuilder();
      String text = e.getValue().toString();
      for (String part : text.substring(1, text.length() - 1).split(",")) {
        String[] ends = part.trim().split("-");
        long begin = Long.parseLong(ends[0]);
        ranges.addRange(Value.Range.newBuilder().setBegin(begin)
            .setEnd(ends.length > 1 ? Long.parseLong(ends[1]) : begin));
      }
      out.add(Resource.newBuilder().setName(e.getKey()).setType(Value.Type.RANGES).setRanges(ranges).build());
    }
    return out;
  }
}
