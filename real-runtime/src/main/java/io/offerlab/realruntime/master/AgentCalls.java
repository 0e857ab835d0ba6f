package io.offerlab.realruntime.master;

import io.offerlab.realruntime.agent.AgentProtocol;
import io.offerlab.realruntime.wire.ProtoJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;

/** The master's calls to an agent's HTTP API ({@link AgentProtocol}); all asynchronous, answered with the status. */
final class AgentCalls {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .version(HttpClient.Version.HTTP_1_1).build();

  CompletableFuture<Integer> launch(String address, FrameworkID framework, TaskInfo task) {
    return post(address, AgentProtocol.LAUNCH, "{\"framework_id\":" + ProtoJson.print(framework) + ",\"task\":"
        + ProtoJson.print(task) + "}");
  }

  CompletableFuture<Integer> kill(String address, TaskID task, KillPolicy policy) {
    return post(address, AgentProtocol.KILL, "{\"task_id\":" + ProtoJson.print(task)
        + (policy == null ? "" : ",\"kill_policy\":" + ProtoJson.print(policy)) + "}");
  }

  CompletableFuture<Integer> acknowledge(String address, TaskID task, byte[] uuid) {
    return post(address, AgentProtocol.ACKNOWLEDGE, "{\"task_id\":" + ProtoJson.print(task) + ",\"uuid\":\""
        + Base64.getEncoder().encodeToString(uuid) + "\"}");
  }

  private CompletableFuture<Integer> post(String address, String path, String json) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + path))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode)
        .exceptionally(e -> -1);
  }
}
