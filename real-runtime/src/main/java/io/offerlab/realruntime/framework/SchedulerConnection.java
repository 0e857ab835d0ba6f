package io.offerlab.realruntime.framework;

import io.offerlab.realruntime.wire.BadMessageException;
import io.offerlab.realruntime.wire.ProtoJson;
import io.offerlab.realruntime.wire.RecordIo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * A scheduler's HTTP connection to a master's {@code /api/v1/scheduler}, as Mesos' docs describe it: SUBSCRIBE opens a
 * RecordIO event stream and returns {@code Mesos-Stream-Id}; every other call goes on its own request with that header
 * and is answered 202.
 */
public final class SchedulerConnection implements AutoCloseable {
  /** The scheduler endpoint's path. */
  public static final String PATH = "/api/v1/scheduler";

  private final URI endpoint;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1).build();
  private InputStream stream;
  private RecordIo.Reader reader;
  private String streamId;

  /** Connect to the master at {@code hostPort}. */
  public SchedulerConnection(String hostPort) {
    this.endpoint = URI.create("http://" + hostPort + PATH);
  }

  /** Send SUBSCRIBE and open the event stream; a refusal is an IOException with the master's answer. */
  public void subscribe(Call subscribe) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ProtoJson.print(subscribe))).build();
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
      }
      throw new IOException("SUBSCRIBE refused with " + response.statusCode() + ": " + body.strip());
    }
    streamId = response.headers().firstValue("Mesos-Stream-Id")
        .orElseThrow(() -> new IOException("SUBSCRIBE answered without a Mesos-Stream-Id header"));
    stream = response.body();
    reader = new RecordIo.Reader(stream);
  }

  /** Return the next event, or null when the master closed the stream. */
  public Event next() throws IOException, BadMessageException {
    byte[] record = reader.next();
    return record == null ? null : ProtoJson.parse(record, Event.newBuilder());
  }

  /** Send a call on its own request; returns the HTTP status (202 when accepted). */
  public int call(Call call) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
        .header("Mesos-Stream-Id", streamId).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(ProtoJson.print(call))).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IOException(call.getType() + " refused with " + response.statusCode() + ": " + response.body().strip());
    }
    return response.statusCode();
  }

  /** Return the stream id the master gave. */
  public String streamId() {
    return streamId;
  }

  @Override
  public void close() throws IOException {
    if (stream != null) {
      stream.close();
    }
  }
}
