package io.offerlab.realruntime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * One principal and its secret, as Mesos' agent {@code --credential} file holds it ({@code {"principal","secret"}}),
 * sent to the master as an HTTP Basic {@code Authorization} header. Its text form never shows the secret.
 *
 * @param principal the principal
 * @param secret the secret
 */
public record Credential(String principal, String secret) {
  /** Read a credential file; errors name the file and what was expected. */
  public static Credential load(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("--credential " + file + ": not readable JSON: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    if (root == null || !root.path("principal").isTextual() || !root.path("secret").isTextual()) {
      throw new IllegalArgumentException("--credential " + file + ": expected {\"principal\": \"...\", "
          + "\"secret\": \"...\"}");
    }
    return new Credential(root.get("principal").asText(), root.get("secret").asText());
  }

  /** The {@code Authorization} header value. */
  public String basicHeader() {
    return "Basic " + Base64.getEncoder().encodeToString((principal + ":" + secret)
        .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credential[principal=" + principal + ", secret=***]";
  }
}
