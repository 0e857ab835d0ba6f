package io.offerlab.simcore.results;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as indented JSON, keys in the maps' own order
 * and doubles in the {@link Numbers} format (NaN and infinities as {@code null}), so equal trees give equal bytes.
 */
public final class JsonWriter {
  private JsonWriter() {}

  /** Returns the JSON text of {@code value}, ending with a newline. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(4096);
    write(out, value, 0);
    out.append('\n');
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, int indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (var entry : map.entrySet()) {
        indent(out, indent + 1);
        string(out, String.valueOf(entry.getKey()));
        out.append(": ");
        write(out, entry.getValue(), indent + 1);
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      indent(out, indent);
      out.append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      boolean flat = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
      if (flat) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          write(out, list.get(i), indent);
        }
        out.append(']');
        return;
      }
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        indent(out, indent + 1);
        write(out, list.get(i), indent + 1);
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      indent(out, indent);
      out.append(']');
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        out.append("null");
      } else {
        Numbers.append(out, d);
      }
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      string(out, value.toString());
    }
  }

  private static void indent(StringBuilder out, int level) {
    for (int i = 0; i < level; i++) {
      out.append("  ");
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
