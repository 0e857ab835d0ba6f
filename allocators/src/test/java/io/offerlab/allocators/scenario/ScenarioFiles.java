package io.offerlab.allocators.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds the scenario files under the test resources' {@code scenarios} folder and compares JSON trees. */
final class ScenarioFiles {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXPECTED = ".expected.json";
  private static final int MAX_DIFFERENCES = 12;

  private ScenarioFiles() {}

  /** Returns the {@code scenarios} folder on the test classpath. */
  static Path root() {
    URL url = ScenarioFiles.class.getResource("/scenarios");
    if (url == null) {
      throw new IllegalStateException("no 'scenarios' folder on the test classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns every scenario file ({@code *.json} but not {@code *.expected.json}), sorted by path. */
  static List<Path> scenarios() {
    return jsonFiles().filter(p -> !isExpected(p)).toList();
  }

  /** Returns every expected-output file, sorted by path. */
  static List<Path> expectedFiles() {
    return jsonFiles().filter(ScenarioFiles::isExpected).toList();
  }

  private static Stream<Path> jsonFiles() {
    try (Stream<Path> walk = Files.walk(root())) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isExpected(Path path) {
    return path.getFileName().toString().endsWith(EXPECTED);
  }

  /** Returns {@code NAME.expected.json} beside {@code NAME.json}. */
  static Path expectedFor(Path scenario) {
    String name = scenario.getFileName().toString();
    return scenario.resolveSibling(name.substring(0, name.length() - ".json".length()) + EXPECTED);
  }

  /** Returns {@code NAME.json} beside {@code NAME.expected.json}. */
  static Path scenarioFor(Path expected) {
    String name = expected.getFileName().toString();
    return expected.resolveSibling(name.substring(0, name.length() - EXPECTED.length()) + ".json");
  }

  /** Returns the path relative to the scenarios folder, with forward slashes. */
  static String relative(Path path) {
    return root().relativize(path).toString().replace('\\', '/');
  }

  static JsonNode read(Path path) {
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lists where two JSON trees differ, one line each as {@code path: expected X, found Y}; empty when equal. */
  static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    diff("$", expected, actual, out);
    return out;
  }

  private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (out.size() >= MAX_DIFFERENCES || expected.equals(actual)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        JsonNode other = actual.get(field);
        if (other == null) {
          out.add(path + "." + field + ": missing, expected " + expected.get(field));
        } else {
          diff(path + "." + field, expected.get(field), other, out);
        }
      }
      for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!expected.has(field)) {
          out.add(path + "." + field + ": unexpected, found " + actual.get(field));
        }
      }
    } else if (expected.isArray() && actual.isArray()) {
      int n = Math.max(expected.size(), actual.size());
      for (int i = 0; i < n && out.size() < MAX_DIFFERENCES; i++) {
        String at = path + "[" + i + "]";
        if (i >= actual.size()) {
          out.add(at + ": missing, expected " + expected.get(i));
        } else if (i >= expected.size()) {
          out.add(at + ": unexpected, found " + actual.get(i));
        } else {
          diff(at, expected.get(i), actual.get(i), out);
        }
      }
    } else {
      out.add(String.format(Locale.ROOT, "%s: expected %s, found %s", path, expected, actual));
    }
  }
}
