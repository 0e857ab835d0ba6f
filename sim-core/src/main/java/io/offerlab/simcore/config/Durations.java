package io.offerlab.simcore.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Durations in the settings: a plain number of seconds, or a number with a unit ({@code us}, {@code ms}, {@code s},
 * {@code m}, {@code h}, {@code d}), read into whole microseconds (rounded half up).
 */
public final class Durations {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private Durations() {}

  /** Parses a duration; throws {@link IllegalArgumentException} with "expected a duration >= 0, found X". */
  public static long parseMicros(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    int end = t.length();
    while (end > 0 && Character.isLetter(t.charAt(end - 1))) {
      end--;
    }
    String number = t.substring(0, end).strip();
    String unit = t.substring(end);
    long scale = switch (unit) {
      case "", "s" -> MICROS_PER_SECOND;
      case "us" -> 1L;
      case "ms" -> 1_000L;
      case "m", "min" -> 60 * MICROS_PER_SECOND;
      case "h" -> 3_600 * MICROS_PER_SECOND;
      case "d" -> 86_400 * MICROS_PER_SECOND;
      default -> throw bad(text);
    };
    BigDecimal value;
    try {
      value = new BigDecimal(number);
    } catch (NumberFormatException e) {
      throw bad(text);
    }
    if (value.signum() < 0) {
      throw bad(text);
    }
    try {
      return value.multiply(BigDecimal.valueOf(scale)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (ArithmeticException e) {
      throw bad(text);
    }
  }

  /** Returns seconds as a double. */
  public static double seconds(long micros) {
    return micros / (double) MICROS_PER_SECOND;
  }

  private static IllegalArgumentException bad(String found) {
    String f = found.strip();
    if (f.startsWith("-")) {
      return new IllegalArgumentException("expected a duration >= 0, found " + f);
    }
    return new IllegalArgumentException("expected a duration >= 0 (seconds, or a number with a unit: us, ms, s, m, h,"
        + " d), found '" + f + "'");
  }

  /** Reads a duration field into microseconds. */
  public static final class Deserializer extends JsonDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      String text;
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        text = parser.getDecimalValue().toPlainString();
      } else if (token == JsonToken.VALUE_STRING) {
        text = parser.getText();
      } else {
        return context.reportInputMismatch(Long.class, "expected a duration >= 0, found %s", describe(token));
      }
      try {
        return parseMicros(text);
      } catch (IllegalArgumentException e) {
        return context.reportInputMismatch(Long.class, "%s", e.getMessage());
      }
    }

    private static String describe(JsonToken token) {
      return switch (token) {
        case START_OBJECT -> "a mapping";
        case START_ARRAY -> "a list";
        case VALUE_NULL -> "nothing";
        default -> token.asString() == null ? token.name() : token.asString();
      };
    }
  }
}
