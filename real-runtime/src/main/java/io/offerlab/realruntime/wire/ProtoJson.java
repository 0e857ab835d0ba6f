package io.offerlab.realruntime.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * JSON to and from protobuf messages by walking their descriptors with the rules of Mesos' stout
 * ({@code 3rdparty/stout/include/stout/protobuf.hpp}), so that clients written for Mesos see the same JSON.
 *
 * <p>Parsing: fields are matched by their proto names and unknown fields are ignored; {@code null} means absent, also
 * as an element of an array; a single value for a repeated field adds one element, as stout does; an unknown enum
 * name drops an optional field and fails a required one; bytes are Base64. Beyond stout, integers may be given as
 * numeric strings and doubles as {@code "Infinity"}, {@code "-Infinity"} or {@code "NaN"} (what protobuf's own JSON
 * printer and many client libraries emit); an integer written with a fraction is refused instead of truncated.
 *
 * <p>Printing: compact ASCII, fields in declaration order; set fields, non-empty repeated fields and unset optional
 * fields that declare a default and are not deprecated (as stout does); 64-bit integers as JSON numbers (protobuf's
 * {@code JsonFormat} prints them as strings, which breaks clients that do arithmetic on {@code ranges.begin}).
 */
public final class ProtoJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private ProtoJson() {
  }

  /** Parse a JSON document into {@code builder} and return the built message; errors name the field path. */
  @SuppressWarnings("unchecked")
  public static <M extends Message> M parse(byte[] json, Message.Builder builder) throws BadMessageException {
    return (M) parse(tree(json), builder);
  }

  /** Parse a JSON tree (an object) into {@code builder} and return the built message. */
  public static Message parse(JsonNode root, Message.Builder builder) throws BadMessageException {
    return parse(root, builder, "");
  }

  /** Parse a JSON object found at {@code path} of a larger document; errors name fields below that path. */
  public static Message parse(JsonNode root, Message.Builder builder, String path) throws BadMessageException {
    if (root == null || !root.isObject()) {
      throw new BadMessageException((path.isEmpty() ? "" : "field '" + path + "': ") + "expected a JSON object for "
          + builder.getDescriptorForType().getName());
    }
    merge(root, builder, path);
    if (!builder.isInitialized()) {
      String prefix = path.isEmpty() ? "" : path + ".";
      throw new BadMessageException("missing required fields: " + String.join(", ",
          builder.findInitializationErrors().stream().map(f -> prefix + f).toList()));
    }
    return builder.build();
  }

  /** Parse a whole document into a JSON tree; malformed JSON is a one-line {@link BadMessageException}. */
  public static JsonNode tree(byte[] json) throws BadMessageException {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new BadMessageException("malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new BadMessageException("malformed JSON: " + e.getMessage());
    }
  }

  /** Append a JSON string literal (compact ASCII, as {@link #print} writes strings). */
  public static StringBuilder quote(StringBuilder out, String text) {
    JsonText.string(out, text);
    return out;
  }

  private static void merge(JsonNode object, Message.Builder builder, String path) throws BadMessageException {
    Descriptor type = builder.getDescriptorForType();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      FieldDescriptor field = type.findFieldByName(entry.getKey());
      if (field == null || entry.getValue().isNull()) {
        continue;
      }
      String fieldPath = path.isEmpty() ? field.getName() : path + "." + field.getName();
      JsonNode value = entry.getValue();
      if (value.isArray()) {
        if (!field.isRepeated()) {
          throw bad(fieldPath, "a single value", value);
        }
        for (int i = 0; i < value.size(); i++) {
          JsonNode element = value.get(i);
          String elementPath = fieldPath + "[" + i + "]";
          if (element.isNull()) {
            continue;
          }
          if (element.isArray()) {
            throw bad(elementPath, "an element that is not an array", element);
          }
          setValue(builder, field, element, elementPath);
        }
      } else {
        setValue(builder, field, value, fieldPath);
      }
    }
  }

  private static void setValue(Message.Builder builder, FieldDescriptor field, JsonNode value, String path)
      throws BadMessageException {
    Object converted;
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      if (!value.isObject()) {
        throw bad(path, "a JSON object", value);
      }
      Message.Builder child = builder.newBuilderForField(field);
      merge(value, child, path);
      converted = child.buildPartial();
    } else {
      converted = scalar(field, value, path);
      if (converted == null) {
        return; // an unknown name for an optional enum: dropped, as proto2 and stout do
      }
    }
    if (field.isRepeated()) {
      builder.addRepeatedField(field, converted);
    } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && builder.hasField(field)) {
      builder.setField(field, ((Message) builder.getField(field)).toBuilder().mergeFrom((Message) converted).buildPartial());
    } else {
      builder.setField(field, converted);
    }
  }

  private static Object scalar(FieldDescriptor field, JsonNode value, String path) throws BadMessageException {
    switch (field.getType()) {
      case STRING:
        if (!value.isTextual()) {
          throw bad(path, "a JSON string", value);
        }
        return value.textValue();
      case BYTES:
        if (!value.isTextual()) {
          throw bad(path, "a Base64 JSON string", value);
        }
        try {
          return ByteString.copyFrom(Base64.getDecoder().decode(value.textValue()));
        } catch (IllegalArgumentException e) {
          throw new BadMessageException("field '" + path + "': expected Base64, found '" + value.textValue() + "'");
        }
      case BOOL:
        if (!value.isBoolean()) {
          throw bad(path, "a JSON boolean", value);
        }
        return value.booleanValue();
      case ENUM: {
        if (!value.isTextual()) {
          throw bad(path, "the name of a " + field.getEnumType().getName() + " as a JSON string", value);
        }
        EnumValueDescriptor named = field.getEnumType().findValueByName(value.textValue());
        if (named == null && field.isRequired()) {
          throw new BadMessageException("field '" + path + "': unknown " + field.getEnumType().getName()
              + " '" + value.textValue() + "'");
        }
        return named;
      }
      case DOUBLE:
        return number(value, path);
      case FLOAT:
        return (float) number(value, path);
      case INT32: case SINT32: case SFIXED32:
        return integer(value, path, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE))
            .intValue();
      case UINT32: case FIXED32:
        return integer(value, path, BigInteger.ZERO, BigInteger.valueOf(0xFFFF_FFFFL)).intValue();
      case INT64: case SINT64: case SFIXED64:
        return integer(value, path, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE))
            .longValue();
      case UINT64: case FIXED64:
        return integer(value, path, BigInteger.ZERO, UINT64_MAX).longValue();
      default:
        throw new BadMessageException("field '" + path + "': unsupported field type " + field.getType());
    }
  }

  private static double number(JsonNode value, String path) throws BadMessageException {
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      String text = value.textValue().trim();
      switch (text) {
        case "Infinity": return Double.POSITIVE_INFINITY;
        case "-Infinity": return Double.NEGATIVE_INFINITY;
        case "NaN": return Double.NaN;
        default:
          try {
            return new BigDecimal(text).doubleValue();
          } catch (NumberFormatException e) {
            throw bad(path, "a number", value);
          }
      }
    }
    throw bad(path, "a JSON number", value);
  }

  private static BigInteger integer(JsonNode value, String path, BigInteger min, BigInteger max)
      throws BadMessageException {
    BigDecimal decimal;
    if (value.isNumber()) {
      decimal = value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : value.decimalValue();
    } else if (value.isTextual()) {
      try {
        decimal = new BigDecimal(value.textValue().trim());
      } catch (NumberFormatException e) {
        throw bad(path, "an integer", value);
      }
    } else {
      throw bad(path, "a JSON number", value);
    }
    BigInteger integer;
    try {
      integer = decimal.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw bad(path, "an integer", value);
    }
    if (integer.compareTo(min) < 0 || integer.compareTo(max) > 0) {
      throw new BadMessageException(String.format(Locale.ROOT, "field '%s': expected an integer in [%s, %s], found %s",
          path, min, max, integer));
    }
    return integer;
  }

  private static BadMessageException bad(String path, String expected, JsonNode found) {
    return new BadMessageException("field '" + path + "': expected " + expected + ", found " + describe(found));
  }

  private static String describe(JsonNode node) {
    JsonNodeType type = node.getNodeType();
    return switch (type) {
      case STRING -> "the string '" + node.textValue() + "'";
      case NUMBER -> "the number " + node.asText();
      case BOOLEAN -> "the boolean " + node.asText();
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> type.name().toLowerCase(Locale.ROOT);
    };
  }

  /** Print a message as compact ASCII JSON. */
  public static String print(MessageOrBuilder message) {
    StringBuilder out = new StringBuilder(256);
    JsonText.object(out, message);
    return out.toString();
  }
}
