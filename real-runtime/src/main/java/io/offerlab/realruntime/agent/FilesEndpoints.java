package io.offerlab.realruntime.agent;

import io.offerlab.realruntime.http.JsonHandler;
import io.offerlab.realruntime.http.JsonHandler.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * Mesos' files endpoints on the agent's port ({@code src/files/files.cpp}): {@code GET /files/browse?path=},
 * {@code GET /files/read?path=&offset=&length=} and {@code GET /files/download?path=}, over the task sandboxes of
 * {@link SandboxFiles}. Mesos' {@code jsonp} parameter and {@code /files/debug} are left out.
 */
public final class FilesEndpoints {
  /** The endpoint that lists a sandbox directory. */
  public static final String BROWSE = "/files/browse";
  /** The endpoint that reads a chunk of a sandbox file as JSON. */
  public static final String READ = "/files/read";
  /** The endpoint that sends a sandbox file's bytes. */
  public static final String DOWNLOAD = "/files/download";
  private static final Map<String, String> TYPES = Map.of("txt", "text/plain", "log", "text/plain",
      "json", "application/json", "csv", "text/csv", "html", "text/html", "yaml", "application/yaml");

  private FilesEndpoints() {
  }

  /** Add the three endpoints over {@code files} to {@code handler}. */
  public static JsonHandler addTo(JsonHandler handler, SandboxFiles files) {
    return handler
        .route("GET", BROWSE, (request, body) -> answer(() -> Reply.json(200, files.browse(param(request, "path")))))
        .route("GET", READ, (request, body) -> answer(() -> Reply.json(200, files.read(param(request, "path"),
            param(request, "offset"), param(request, "length")).json())))
        .stream("GET", DOWNLOAD, (request, body, response, callback) -> {
          Path file;
          long size;
          try {
            file = files.download(param(request, "path"));
            size = Files.size(file);
          } catch (SandboxFiles.FilesException e) {
            return Reply.text(e.status(), e.getMessage());
          } catch (IOException e) {
            return Reply.text(404, "Cannot read '" + param(request, "path") + "': " + e.getMessage());
          }
          String name = file.getFileName().toString();
          int dot = name.lastIndexOf('.');
          String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
          response.setStatus(200);
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, type == null ? "application/octet-stream" : type);
          response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\""
              + name.replaceAll("[\"\\\\\\p{Cntrl}]", "_") + "\"");
          response.getHeaders().put(HttpHeader.CONTENT_LENGTH, size);
          Content.copy(Content.Source.from(file, 0, size), response, callback);
          return null;
        });
  }

  private interface Answer {
    Reply get() throws SandboxFiles.FilesException;
  }

  private static Reply answer(Answer answer) {
    try {
      return answer.get();
    } catch (SandboxFiles.FilesException e) {
      return Reply.text(e.status(), e.getMessage());
    }
  }

  private static String param(Request request, String name) {
    Fields fields = Request.extractQueryParameters(request);
    Fields.Field field = fields.get(name);
    return field == null ? null : field.getValue();
  }
}
