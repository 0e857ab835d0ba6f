package io.offerlab.simcore.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads {@code defaults.yaml}, deep-merges a user's YAML onto it and binds the result into a {@link SimulationConfig}. */
final class ConfigLoader {
  private static final String DEFAULTS = "defaults.yaml";
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final JsonMapper BINDER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();

  private ConfigLoader() {}

  static SimulationConfig loadFile(Path file) {
    return loadFile(file, null);
  }

  static SimulationConfig loadFile(Path file, String suggested) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
    }
    return load(suggested, text, file.toString());
  }

  static SimulationConfig load(String yaml, String source) {
    return load(null, yaml, source);
  }

  /**
   * Merges, in order, defaults.yaml, a workload's suggested settings (which the user's YAML can still override) and the
   * user's YAML.
   */
  static SimulationConfig load(String suggested, String yaml, String source) {
    ObjectNode merged = defaults();
    String name = source == null ? "config" : source;
    if (suggested != null && readYaml(suggested, "workload defaults") instanceof ObjectNode workload) {
      merge(merged, workload);
    }
    if (yaml != null) {
      JsonNode user = readYaml(yaml, name);
      if (user != null && !user.isNull() && !user.isMissingNode()) {
        if (!user.isObject()) {
          throw new IllegalArgumentException(name + ": expected a mapping of settings, found " + kind(user));
        }
        merge(merged, (ObjectNode) user);
      }
    }
    expandFrameworks(merged);
    try {
      return BINDER.treeToValue(merged, SimulationConfig.class);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(name + ": " + describe(e, merged), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(name + ": " + firstLine(e.getOriginalMessage()), e);
    }
  }

  private static ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULTS);
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readYaml(String yaml, String name) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new IllegalArgumentException(name + ":" + line + ": expected valid YAML: "
          + firstLine(e.getOriginalMessage()));
    }
  }

  /** Deep-merges {@code user} into {@code base}: mappings merge key by key, anything else replaces; null keeps. */
  private static void merge(ObjectNode base, ObjectNode user) {
    for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      if (value.isNull()) {
        continue;
      }
      JsonNode existing = base.get(entry.getKey());
      if (existing instanceof ObjectNode existingObject && value instanceof ObjectNode valueObject) {
        merge(existingObject, valueObject);
      } else {
        base.set(entry.getKey(), value.deepCopy());
      }
    }
  }

  /** Makes every {@code frameworks.NAME} complete: the defaults overridden by the named settings. */
  private static void expandFrameworks(ObjectNode merged) {
    if (!(merged.get("frameworks") instanceof ObjectNode frameworks)
        || !(frameworks.get(SimulationConfig.DEFAULT_FRAMEWORK) instanceof ObjectNode defaults)) {
      return;
    }
    List<String> names = new ArrayList<>();
    frameworks.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (name.equals(SimulationConfig.DEFAULT_FRAMEWORK)) {
        continue;
      }
      if (frameworks.get(name) instanceof ObjectNode overrides) {
        ObjectNode full = defaults.deepCopy();
        merge(full, overrides);
        frameworks.set(name, full);
      }
    }
  }

  private static String describe(JsonMappingException e, JsonNode tree) {
    StringBuilder path = new StringBuilder();
    JsonNode node = tree;
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
        node = node == null ? null : node.get(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
        node = node == null ? null : node.get(ref.getIndex());
      }
    }
    String where = path.length() == 0 ? "" : path.toString();
    if (e instanceof UnrecognizedPropertyException unknown) {
      TreeSet<String> known = new TreeSet<>();
      for (Object id : unknown.getKnownPropertyIds()) {
        known.add(String.valueOf(id));
      }
      return where + ": unknown key; expected one of " + String.join(", ", known);
    }
    Throwable cause = e.getCause();
    if (e instanceof ValueInstantiationException && cause instanceof IllegalArgumentException) {
      String message = firstLine(cause.getMessage());
      if (where.isEmpty()) {
        return message;
      }
      return message.startsWith("expected") ? where + ": " + message : where + "." + message;
    }
    String original = firstLine(e.getOriginalMessage());
    if (original.startsWith("expected")) {
      return where + ": " + original;
    }
    String found = node == null ? "nothing" : render(node);
    if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
      found = "'" + invalid.getValue() + "'";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return where + ": expected " + expectation(mismatch.getTargetType()) + ", found " + found;
    }
    return where + ": " + original;
  }

  private static String expectation(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a mapping";
  }

  private static String render(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull()) {
      return "nothing";
    }
    return node.isTextual() ? "'" + node.asText() + "'" : node.asText();
  }

  private static String kind(JsonNode node) {
    return render(node);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "bad value";
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
