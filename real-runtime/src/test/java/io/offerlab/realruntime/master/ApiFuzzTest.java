package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of malformed scheduler bodies (truncated JSON, wrong types, huge numbers, deep nesting, unknown enum
 * values, nulls) each get a 4xx naming the problem, and the master's state is unchanged: no framework, offer or
 * task appears, and it keeps serving.
 */
class ApiFuzzTest {
  private static final String VALID = "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":\"u\","
      + "\"name\":\"fuzz\",\"roles\":[\"r\"],\"failover_timeout\":0,\"capabilities\":[{\"type\":\"MULTI_ROLE\"}]}}}";
  private static MasterRuntime master;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static JsonNode before;

  @BeforeContainer
  static void start() throws Exception {
    master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100),
        Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofSeconds(15)));
    before = summary();
  }

  @AfterContainer
  static void stop() throws Exception {
    try {
      assertEquals(before, summary(), "the master's state is unchanged after every malformed body");
    } finally {
      master.close();
    }
  }

  private static JsonNode summary() throws Exception {
    JsonNode state = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + master.port() + "/master/state")).build(), HttpResponse.BodyHandlers.ofString()).body());
    var out = new ObjectMapper().createObjectNode();
    out.set("frameworks", state.path("frameworks"));
    out.set("completed_frameworks", state.path("completed_frameworks"));
    out.set("slaves", state.path("slaves"));
    return out;
  }

  @Property(tries = 2500)
  void everyMalformedBodyIsA4xx(@ForAll("malformed") String body) throws Exception {
    var reply = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + master.port()
        + "/api/v1/scheduler")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(reply.statusCode() >= 400 && reply.statusCode() < 500, reply.statusCode() + " for " + abbreviated(body)
        + ": " + reply.body());
    assertTrue(!reply.body().isBlank() && !reply.body().contains("\tat "), "a one-line reason: " + reply.body());
  }

  private static String abbreviated(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }

  @Provide
  Arbitrary<String> malformed() {
    Arbitrary<String> truncated = Arbitraries.integers().between(0, VALID.length() - 1).map(n -> VALID.substring(0, n));
    Arbitrary<String> wrongValue = Arbitraries.of("7", "-1", "true", "[]", "{}", "\"\"", "null", "[1,2]",
        "1e999", "123456789012345678901234567890", "\"NOT_AN_ENUM\"", "-9.9e400");
    List<String> slots = List.of(
        "{\"type\":%s}",
        "{\"type\":\"SUBSCRIBE\",\"subscribe\":%s}",
        "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":%s}}",
        "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":%s,\"name\":\"n\",\"roles\":[\"r\"]}},"
            + "\"framework_id\":{\"value\":\"x\"}}",
        "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":\"u\",\"name\":\"n\",\"roles\":%s,"
            + "\"id\":{\"value\":7}}}}",
        "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":\"u\",\"name\":\"n\","
            + "\"capabilities\":[{\"type\":%s}],\"failover_timeout\":\"soon\"}}}",
        "{\"type\":\"ACCEPT\",\"framework_id\":{\"value\":%s},\"accept\":{\"offer_ids\":[{\"value\":\"o\"}]}}",
        "{\"type\":\"ACCEPT\",\"framework_id\":{\"value\":\"nobody\"},\"accept\":{\"offer_ids\":%s}}",
        "{\"type\":\"DECLINE\",\"framework_id\":{\"value\":\"nobody\"},\"decline\":{\"offer_ids\":[],"
            + "\"filters\":{\"refuse_seconds\":%s}}}",
        "{\"type\":\"KILL\",\"framework_id\":{\"value\":\"nobody\"},\"kill\":{\"task_id\":%s}}",
        "{\"type\":\"ACKNOWLEDGE\",\"framework_id\":{\"value\":\"nobody\"},\"acknowledge\":{\"uuid\":%s}}",
        "{\"type\":\"BOGUS_CALL\",\"framework_id\":%s}");
    Arbitrary<String> typed = Combinators.combine(Arbitraries.of(slots), wrongValue)
        .as((slot, value) -> String.format(java.util.Locale.ROOT, slot, value));
    Arbitrary<String> nested = Arbitraries.integers().between(200, 5000).map(depth ->
        "{\"type\":\"SUBSCRIBE\",\"subscribe\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
    Arbitrary<String> nestedObjects = Arbitraries.integers().between(200, 3000).map(depth ->
        "{\"type\":\"SUBSCRIBE\",\"subscribe\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
    Arbitrary<String> garbage = Arbitraries.strings().ofMinLength(0).ofMaxLength(200)
        .filter(s -> {
          try {
            new ObjectMapper().readTree(s);
            return s.isBlank();
          } catch (Exception e) {
            return true;
          }
        });
    Arbitrary<String> nulls = Arbitraries.of(
        "null", "{}", "[]", "\"SUBSCRIBE\"", "{\"type\":null,\"subscribe\":null,\"framework_id\":null}",
        "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":null}}",
        "{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":null,\"name\":null}}}",
        "{\"type\":\"ACCEPT\",\"framework_id\":null,\"accept\":null}");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, truncated), net.jqwik.api.Tuple.of(6, typed), net.jqwik.api.Tuple.of(1, nested),
        net.jqwik.api.Tuple.of(1, nestedObjects), net.jqwik.api.Tuple.of(2, garbage), net.jqwik.api.Tuple.of(1, nulls));
  }
}
