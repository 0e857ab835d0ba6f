package io.offerlab.realruntime.master;

import io.offerlab.allocators.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

/**
 * Converts between Mesos' {@code Resource} messages and the allocators' {@link Resources} vector. Scalars map one to
 * one (Mesos rounds them to three decimals, so does {@code Resources}); ranges and sets are not in the vector yet and
 * are left out of what the allocator sees.
 */
final class MesosResources {
  private MesosResources() {
  }

  /** Return the scalar part of {@code resources} as a vector. */
  static Resources toVector(List<Resource> resources) {
    Resources out = Resources.EMPTY;
    for (Resource r : resources) {
      if (r.getType() == Value.Type.SCALAR && r.hasScalar()) {
        out = out.with(r.getName(), out.get(r.getName()) + r.getScalar().getValue());
      }
    }
    return out;
  }

  /** Return a vector as Mesos scalar resources, in name order. */
  static List<Resource> toMesos(Resources resources) {
    var out = new ArrayList<Resource>();
    for (Map.Entry<String, Double> e : resources.asMap().entrySet()) {
      out.add(Resource.newBuilder().setName(e.getKey()).setType(Value.Type.SCALAR)
          .setScalar(Value.Scalar.newBuilder().setValue(e.getValue())).build());
    }
    return out;
  }
}
