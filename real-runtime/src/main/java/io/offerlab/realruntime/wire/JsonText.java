package io.offerlab.realruntime.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import java.util.Base64;

/** Compact ASCII JSON text for protobuf messages and plain strings, as stout's {@code jsonify} writes it. */
final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {
  }

  static void object(StringBuilder out, MessageOrBuilder message) {
    out.append('{');
    boolean first = true;
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      boolean present = field.isRepeated()
          ? message.getRepeatedFieldCount(field) > 0
          : message.hasField(field) || (field.hasDefaultValue() && !field.getOptions().getDeprecated());
      if (!present) {
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, field.getName());
      out.append(':');
      if (field.isRepeated()) {
        out.append('[');
        int n = message.getRepeatedFieldCount(field);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            out.append(',');
          }
          value(out, field, message.getRepeatedField(field, i));
        }
        out.append(']');
      } else {
        value(out, field, message.getField(field));
      }
    }
    out.append('}');
  }

  private static void value(StringBuilder out, FieldDescriptor field, Object value) {
    switch (field.getType()) {
      case MESSAGE, GROUP -> object(out, (MessageOrBuilder) value);
      case STRING -> string(out, (String) value);
      case BYTES -> string(out, Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case ENUM -> string(out, ((EnumValueDescriptor) value).getName());
      case BOOL -> out.append(((Boolean) value).booleanValue());
      case DOUBLE -> number(out, (Double) value);
      case FLOAT -> number(out, ((Float) value).doubleValue());
      case UINT32, FIXED32 -> out.append(Integer.toUnsignedString((Integer) value));
      case UINT64, FIXED64 -> out.append(Long.toUnsignedString((Long) value));
      default -> out.append(value); // signed 32- and 64-bit integers, as JSON numbers
    }
  }

  /** Append a double as a JSON number ({@code 1.0}, {@code 0.5}, {@code 1.0E10}); non-finite values as strings. */
  static void number(StringBuilder out, double value) {
    if (Double.isNaN(value)) {
      string(out, "NaN");
    } else if (Double.isInfinite(value)) {
      string(out, value > 0 ? "Infinity" : "-Infinity");
    } else {
      out.append(value);
    }
  }

  /** Append a JSON string, escaping control and non-ASCII characters as {@code \\uXXXX}. */
  static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
