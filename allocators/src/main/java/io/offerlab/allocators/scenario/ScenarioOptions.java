package io.offerlab.allocators.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.offerlab.allocators.AllocatorOptions;
import io.offerlab.allocators.AllocatorOptions.Partition;
import io.offerlab.allocators.OfferSize;
import io.offerlab.allocators.Resources;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario's {@code options} object into {@link AllocatorOptions}. Known keys: {@code priorities},
 * {@code partitions}, {@code partitionRoles}, {@code minAllocatable}, {@code minFilterSeconds}, {@code slotSize} (the
 * {@code slots} allocator's slot, a resource string), {@code offerSize} ({@code whole} or {@code fair-share}, for
 * {@code drf}), and
 * {@code refuseSeconds} (the frameworks' default decline filter in simulations; a scenario's recover steps state their
 * own, so it changes nothing here).
 */
final class ScenarioOptions {
  private ScenarioOptions() {}

  static AllocatorOptions parse(JsonNode node, String file) {
    AllocatorOptions options = AllocatorOptions.defaults();
    if (node == null || node.isNull()) {
      return options;
    }
    if (!node.isObject()) {
      throw fail(file, "options", "expected an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      String path = "options." + key;
      try {
        options = switch (key) {
          case "refuseSeconds" -> {
            if (!value.isNumber() || value.asDouble() < 0) {
              throw fail(file, path, "expected a number >= 0, found " + value);
            }
            yield options;
          }
          case "minFilterSeconds" -> options.withMinFilterSeconds(number(value, file, path));
          case "slotSize" -> options.withSlotSize(AllocatorOptions.parseSlotSize(text(value, file, path)));
          case "offerSize" -> options.withOfferSize(OfferSize.parse(text(value, file, path)));
          case "priorities" -> options.withPriorities(priorities(value, file, path));
          case "partitions" -> options.withPartitions(partitions(value, file, path));
          case "partitionRoles" -> options.withPartitionRoles(strings(value, file, path));
          case "minAllocatable" -> {
            List<Resources> alternatives = new ArrayList<>();
            for (String text : strings(value, file, path)) {
              alternatives.add(Resources.parse(text));
            }
            yield options.withMinAllocatable(alternatives);
          }
          default -> throw fail(file, path, "unknown option, expected one of [minAllocatable, minFilterSeconds, "
              + "offerSize, partitionRoles, partitions, priorities, refuseSeconds, slotSize]");
        };
      } catch (ScenarioException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw fail(file, path, e.getMessage());
      }
    }
    return options;
  }

  private static Map<String, Integer> priorities(JsonNode value, String file, String path) {
    if (!value.isObject()) {
      throw fail(file, path, "expected an object of role to integer priority");
    }
    Map<String, Integer> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isInt()) {
        throw fail(file, path + "." + e.getKey(), "expected an integer priority, found " + e.getValue());
      }
      map.put(e.getKey(), e.getValue().asInt());
    }
    return map;
  }

  private static Map<String, Partition> partitions(JsonNode value, String file, String path) {
    if (!value.isObject()) {
      throw fail(file, path, "expected an object of role to agent list or fraction");
    }
    Map<String, Partition> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      var e = it.next();
      String rolePath = path + "." + e.getKey();
      if (e.getValue().isNumber()) {
        try {
          map.put(e.getKey(), new Partition.Fraction(e.getValue().asDouble()));
        } catch (IllegalArgumentException ex) {
          throw fail(file, rolePath, ex.getMessage());
        }
      } else if (e.getValue().isArray()) {
        map.put(e.getKey(), new Partition.Agents(strings(e.getValue(), file, rolePath)));
      } else {
        throw fail(file, rolePath, "expected a list of agent ids or a fraction, found " + e.getValue());
      }
    }
    return map;
  }

  private static List<String> strings(JsonNode value, String file, String path) {
    if (!value.isArray()) {
      throw fail(file, path, "expected an array of strings");
    }
    List<String> list = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw fail(file, path, "expected an array of strings, found " + item);
      }
      list.add(item.asText());
    }
    return list;
  }

  private static String text(JsonNode value, String file, String path) {
    if (!value.isTextual()) {
      throw fail(file, path, "expected a string, found " + value);
    }
    return value.asText();
  }

  private static double number(JsonNode value, String file, String path) {
    if (!value.isNumber()) {
      throw fail(file, path, "expected a number, found " + value);
    }
    return value.asDouble();
  }

  private static ScenarioException fail(String file, String path, String message) {
    return new ScenarioException(file + ": " + path + ": " + message);
  }
}
