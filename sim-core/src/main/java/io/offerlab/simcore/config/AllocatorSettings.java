package io.offerlab.simcore.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.offerlab.allocators.AllocatorOptions;
import io.offerlab.allocators.AllocatorOptions.Partition;
import io.offerlab.allocators.OfferSize;
import io.offerlab.allocators.Resources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Allocator options a run may set: Mesos role weights ({@code --weights}), strict role priorities for the
 * {@code priority} allocator, the partitions of the {@code static} allocator (the Mesos paper's baseline), the slot of
 * the {@code slots} allocator and {@code drf}'s offer size (issue 19).
 *
 * @param weights role to weight (&gt; 0)
 * @param priorities role to priority (larger first)
 * @param partitions role to a fraction of every agent or a list of agent ids
 * @param partitionRoles roles to split agents among equally when there are no partitions
 * @param slotSize the {@code slots} allocator's slot, a resource string of positive scalars ({@code cpus:1;mem:2048})
 * @param offerSize {@code whole} (Mesos' whole-agent offers) or {@code fair-share} (Omega's remedy for hoarding), for
 *     {@code drf}; {@code drf-sized} always sizes
 */
public record AllocatorSettings(
    Map<String, Double> weights,
    Map<String, Integer> priorities,
    @JsonDeserialize(contentUsing = PartitionDeserializer.class) Map<String, Partition> partitions,
    List<String> partitionRoles,
    String slotSize,
    String offerSize) {

  /** Validates the weights and copies the collections into name order. */
  public AllocatorSettings {
    weights = new TreeMap<>(Objects.requireNonNull(weights, "weights"));
    for (var entry : weights.entrySet()) {
      Double w = entry.getValue();
      if (w == null || !(w > 0) || w.isInfinite()) {
        throw new IllegalArgumentException("weights." + entry.getKey() + ": expected a number > 0, found " + w);
      }
    }
    priorities = new TreeMap<>(Objects.requireNonNull(priorities, "priorities"));
    for (var entry : priorities.entrySet()) {
      if (entry.getValue() == null) {
        throw new IllegalArgumentException("priorities." + entry.getKey() + ": expected an integer, found nothing");
      }
    }
    partitions = new TreeMap<>(Objects.requireNonNull(partitions, "partitions"));
    partitionRoles = List.copyOf(Objects.requireNonNull(partitionRoles, "partitionRoles"));
    checkRoles("weights", weights.keySet());
    checkRoles("priorities", priorities.keySet());
    checkRoles("partitions", partitions.keySet());
    checkRoles("partitionRoles", partitionRoles);
    AllocatorOptions.parseSlotSize(slotSize); // fails naming slotSize and what was expected
    try {
      OfferSize.parse(offerSize);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("offerSize: " + e.getMessage());
    }
  }

  /** Returns the parsed slot of the {@code slots} allocator. */
  public Resources slot() {
    return AllocatorOptions.parseSlotSize(slotSize);
  }

  /** Returns the parsed offer size of {@code drf}. */
  public OfferSize offerSizeValue() {
    return OfferSize.parse(offerSize);
  }

  /** Fails on an empty role name, which Mesos rejects. */
  private static void checkRoles(String key, java.util.Collection<String> roles) {
    if (roles.contains("")) {
      throw new IllegalArgumentException(key + ": expected non-empty role names (Mesos rejects an empty role), found ''");
    }
  }

  Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("weights", new TreeMap<>(weights));
    map.put("priorities", new TreeMap<>(priorities));
    Map<String, Object> parts = new TreeMap<>();
    for (var entry : partitions.entrySet()) {
      if (entry.getValue() instanceof Partition.Fraction f) {
        parts.put(entry.getKey(), f.fraction());
      } else if (entry.getValue() instanceof Partition.Agents a) {
        parts.put(entry.getKey(), new ArrayList<>(a.agentIds()));
      }
    }
    map.put("partitions", parts);
    map.put("partitionRoles", partitionRoles);
    // Listed only when set, so that the config of runs that do not use them reads as before.
    if (!slot().equals(AllocatorOptions.DEFAULT_SLOT_SIZE)) {
      map.put("slotSize", slot().toString());
    }
    if (offerSizeValue() != OfferSize.WHOLE) {
      map.put("offerSize", offerSize);
    }
    return map;
  }

  /** Reads a partition: a number is a fraction of every agent, a list names agents. */
  public static final class PartitionDeserializer extends JsonDeserializer<Partition> {
    @Override
    public Partition deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        double fraction = parser.getDoubleValue();
        if (!(fraction > 0 && fraction <= 1)) {
          return context.reportInputMismatch(Partition.class, "expected a fraction in (0, 1] or a list of agent ids,"
              + " found %s", parser.getText());
        }
        return new Partition.Fraction(fraction);
      }
      if (token == JsonToken.START_ARRAY) {
        List<String> ids = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return context.reportInputMismatch(Partition.class, "expected a list of agent ids, found %s",
                parser.getText());
          }
          ids.add(parser.getText());
        }
        return new Partition.Agents(ids);
      }
      return context.reportInputMismatch(Partition.class,
          "expected a fraction in (0, 1] or a list of agent ids, found %s", parser.getText());
    }
  }
}
