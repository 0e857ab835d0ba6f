package io.offerlab.realruntime.http;

import io.offerlab.realruntime.wire.BadMessageException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty core handler that routes {@code METHOD path} to small JSON endpoints. Bodies are read without blocking a
 * thread; a {@link BadMessageException} becomes 400 with its one-line message, as Mesos answers bad requests.
 */
public final class JsonHandler extends Handler.Abstract {
  private static final Logger LOG = Logger.getLogger(JsonHandler.class.getName());
  /** The largest request body taken (4 MB); a larger one is 413. */
  public static final int MAX_BODY = 4 << 20;

  /** An endpoint: reads the body and answers. */
  @FunctionalInterface
  public interface Endpoint {
    /** Answer a request with this body (empty for GET). */
    Reply handle(Request request, byte[] body) throws BadMessageException;
  }

  /** An endpoint that takes over the response itself (streams). */
  @FunctionalInterface
  public interface StreamingEndpoint {
    /** Handle the request; returns null when it answered through {@code response} and will complete the callback. */
    Reply handle(Request request, byte[] body, Response response, Callback callback) throws BadMessageException;
  }

  /** A complete answer: status, content type and body. */
  public record Reply(int status, String contentType, String body) {
    /** A JSON answer. */
    public static Reply json(int status, String body) {
      return new Reply(status, "application/json", body);
    }

    /** A plain-text answer, for errors as Mesos writes them. */
    public static Reply text(int status, String body) {
      return new Reply(status, "text/plain; charset=utf-8", body);
    }

    /** An empty answer. */
    public static Reply empty(int status) {
      return new Reply(status, null, "");
    }
  }

  private final Map<String, StreamingEndpoint> routes = new LinkedHashMap<>();
  /** False while a server that started before its routes were added is still adding them (written once, volatile). */
  private volatile boolean ready = true;

  /**
   * Answer every request with 503 until {@link #ready()}: for a server that must listen (to learn its port) before its
   * routes can be built, so an early client is told to retry instead of getting a 404.
   */
  public JsonHandler holdUntilReady() {
    ready = false;
    return this;
  }

  /** Start serving the routes added so far (they must not change afterwards). */
  public void ready() {
    ready = true;
  }

  /** Route {@code method path} to an endpoint. */
  public JsonHandler route(String method, String path, Endpoint endpoint) {
    routes.put(method + " " + path, (request, body, response, callback) -> endpoint.handle(request, body));
    return this;
  }

  /** Route {@code method path} to an endpoint that may stream its answer. */
  public JsonHandler stream(String method, String path, StreamingEndpoint endpoint) {
    routes.put(method + " " + path, endpoint);
    return this;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!ready) {
      send(response, callback, Reply.text(503, "Starting; retry shortly"));
      return true;
    }
    String path = Request.getPathInContext(request);
    StreamingEndpoint endpoint = routes.get(request.getMethod() + " " + path);
    if (endpoint == null) {
      boolean known = routes.keySet().stream().anyMatch(k -> k.substring(k.indexOf(' ') + 1).equals(path));
      send(response, callback, known ? Reply.text(405, "Expecting another method for " + path)
          : Reply.text(404, "No endpoint " + path));
      return true;
    }
    long declared = request.getLength();
    if (declared > MAX_BODY) {
      send(response, callback, Reply.text(413, "Request body of " + declared + " bytes exceeds the limit of "
          + MAX_BODY + " bytes"));
      return true;
    }
    Content.Source.asByteBufferAsync(request, MAX_BODY).whenComplete((buffer, failure) -> {
      if (failure != null && rootMessage(failure).toLowerCase(java.util.Locale.ROOT).contains("too large")) {
        send(response, callback, Reply.text(413, "Request body exceeds the limit of " + MAX_BODY + " bytes"));
        return;
      }
      if (failure != null) {
        send(response, callback, Reply.text(400, "Cannot read the request body: " + rootMessage(failure)));
        return;
      }
      byte[] body = new byte[buffer.remaining()];
      buffer.get(body);
      try {
        Reply reply = endpoint.handle(request, body, response, callback);
        if (reply != null) {
          send(response, callback, reply);
        }
      } catch (BadMessageException e) {
        send(response, callback, Reply.text(400, e.getMessage()));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "internal error on " + path, e);
        send(response, callback, Reply.text(500, "Internal error: " + e));
      }
    });
    return true;
  }

  /** Send a complete reply and complete the callback. */
  public static void send(Response response, Callback callback, Reply reply) {
    response.setStatus(reply.status());
    if (reply.contentType() != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, java.nio.ByteBuffer.wrap(bytes), callback);
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return String.valueOf(c.getMessage());
  }
}
