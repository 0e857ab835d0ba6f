package io.offerlab.realruntime.master;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.realruntime.http.JsonHandler;
import io.offerlab.realruntime.http.JsonHandler.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The master's authentication and authorisation, after Mesos' {@code --credentials} (HTTP Basic against
 * {@code {"credentials":[{"principal","secret"}]}}, 401 otherwise; docs/authentication.md) and {@code --acls} with
 * {@code register_frameworks} rules (principals to roles, checked in order, the first matching rule decides, then
 * {@code permissive}; docs/acls.md). Secrets are compared in constant time and never printed.
 */
public final class Security {
  /** The request attribute that carries the authenticated principal. */
  static final String PRINCIPAL = "offerlab.principal";

  private final Map<String, byte[]> secrets;
  private final List<Rule> rules;
  private final boolean permissive;

  private record Rule(Set<String> principals, boolean anyPrincipal, Set<String> roles, boolean anyRole,
                      boolean noRole) {
  }

  private Security(Map<String, byte[]> secrets, List<Rule> rules, boolean permissive) {
    this.secrets = secrets;
    this.rules = rules;
    this.permissive = permissive;
  }

  /** No authentication and every role allowed (the master without {@code --credentials} or {@code --acls}). */
  public static Security open() {
    return new Security(null, List.of(), true);
  }

  /** Read {@code --credentials} and {@code --acls} (either may be null); errors name the file and the field. */
  public static Security load(Path credentials, Path acls) {
    Map<String, byte[]> secrets = null;
    if (credentials != null) {
      secrets = new LinkedHashMap<>();
      JsonNode list = read("--credentials", credentials).path("credentials");
      if (!list.isArray()) {
        throw new IllegalArgumentException("--credentials " + credentials + ": expected a 'credentials' array");
      }
      for (int i = 0; i < list.size(); i++) {
        JsonNode c = list.get(i);
        if (!c.path("principal").isTextual() || !c.path("secret").isTextual()) {
          throw new IllegalArgumentException("--credentials " + credentials + ": credentials[" + i
              + "] needs a string 'principal' and 'secret'");
        }
        secrets.put(c.get("principal").asText(), c.get("secret").asText().getBytes(StandardCharsets.UTF_8));
      }
    }
    var rules = new ArrayList<Rule>();
    boolean permissive = true;
    if (acls != null) {
      JsonNode root = read("--acls", acls);
      if (root.has("permissive")) {
        if (!root.get("permissive").isBoolean()) {
          throw new IllegalArgumentException("--acls " + acls + ": 'permissive' must be true or false");
        }
        permissive = root.get("permissive").asBoolean();
      }
      JsonNode list = root.path("register_frameworks");
      for (int i = 0; i < list.size(); i++) {
        String where = "--acls " + acls + ": register_frameworks[" + i + "]";
        Entity p = entity(list.get(i).path("principals"), where + ".principals");
        Entity r = entity(list.get(i).path("roles"), where + ".roles");
        if (p.none) {
          throw new IllegalArgumentException(where + ".principals: type NONE matches no one");
        }
        rules.add(new Rule(p.values, p.any, r.values, r.any, r.none));
      }
    }
    return new Security(secrets, List.copyOf(rules), permissive);
  }

  private record Entity(Set<String> values, boolean any, boolean none) {
  }

  private static Entity entity(JsonNode node, String where) {
    if (node.has("values")) {
      var values = new java.util.HashSet<String>();
      for (JsonNode v : node.get("values")) {
        if (!v.isTextual()) {
          throw new IllegalArgumentException(where + ".values: expected strings");
        }
        values.add(v.asText());
      }
      return new Entity(Set.copyOf(values), false, false);
    }
    String type = node.path("type").asText("");
    return switch (type) {
      case "ANY" -> new Entity(Set.of(), true, false);
      case "NONE" -> new Entity(Set.of(), false, true);
      default -> throw new IllegalArgumentException(where + ": expected 'values' or 'type' ANY or NONE");
    };
  }

  private static JsonNode read(String option, Path file) {
    try {
      return new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(option + " " + file + ": not readable JSON: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /** Whether requests must authenticate. */
  boolean authenticates() {
    return secrets != null;
  }

  /**
   * Returns the principal an HTTP Basic {@code Authorization} header proves, or null when it proves none (absent,
   * malformed, unknown principal or wrong secret).
   */
  String principal(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    byte[] expected = secrets.get(decoded.substring(0, colon));
    byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
    return expected != null && MessageDigest.isEqual(expected, given) ? decoded.substring(0, colon) : null;
  }

  /** Whether {@code principal} (null when unauthenticated) may register a framework in {@code role}. */
  boolean mayRegister(String principal, String role) {
    for (Rule rule : rules) {
      boolean who = rule.anyPrincipal() || (principal != null && rule.principals().contains(principal));
      if (!who) {
        continue;
      }
      if (rule.noRole()) {
        return false;
      }
      if (rule.anyRole() || rule.roles().contains(role)) {
        return true;
      }
    }
    return permissive;
  }

  /** Wrap an endpoint so that, with credentials, a request without a valid Basic header gets 401. */
  JsonHandler.StreamingEndpoint guard(JsonHandler.StreamingEndpoint endpoint) {
    if (secrets == null) {
      return endpoint;
    }
    return (request, body, response, callback) -> {
      String header = request.getHeaders().get("Authorization");
      String principal = principal(header);
      if (principal == null) {
        response.getHeaders().put("WWW-Authenticate", "Basic realm=\"mesos\"");
        return Reply.text(401, header == null ? "Authentication required: send HTTP Basic credentials"
            : "Authentication failed: unknown principal or wrong secret");
      }
      request.setAttribute(PRINCIPAL, principal);
      return endpoint.handle(request, body, response, callback);
    };
  }
}
