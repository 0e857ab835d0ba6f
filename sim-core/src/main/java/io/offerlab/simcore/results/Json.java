package io.offerlab.simcore.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a results JSON file into a tree, turning syntax errors into one-line messages with the file and line. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Returns the shared mapper (thread-safe once configured). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Reads the file as a JSON tree. */
  public static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ResultsException(file + ":" + line + ": " + describe(e));
    } catch (IOException e) {
      if (e instanceof NoSuchFileException || !file.toFile().exists()) {
        throw new ResultsException(file + ": no such file");
      }
      throw new UncheckedIOException(e);
    }
  }

  /** Says what was wrong in plain words, without the parser's internals (class names, source descriptions). */
  static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.startsWith("Unexpected end-of-input")) {
      return "expected valid JSON, found the end of the file before it was complete (truncated?)";
    }
    String first = message.lines().findFirst().orElse("");
    for (String cut : new String[] {" at [Source", " (start marker", " (for ", ": was expecting", "\n"}) {
      int at = first.indexOf(cut);
      if (at >= 0) {
        first = first.substring(0, at);
      }
    }
    first = first.replaceAll("\\(code \\d+\\)", "").strip();
    return first.isEmpty() ? "expected valid JSON" : "expected valid JSON: " + first;
  }
}
