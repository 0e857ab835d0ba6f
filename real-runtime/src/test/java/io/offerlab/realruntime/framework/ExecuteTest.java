package io.offerlab.realruntime.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.offerlab.realruntime.http.EventStream;
import io.offerlab.realruntime.http.HttpServers;
import io.offerlab.realruntime.http.JsonHandler;
import io.offerlab.realruntime.http.JsonHandler.Reply;
import io.offerlab.realruntime.wire.ProtoJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code offerlab execute} against a scripted scheduler endpoint (not a master: it plays one fixed exchange over the
 * real HTTP and RecordIO framing): it subscribes, launches on the offer, acknowledges every update that has a uuid
 * with that uuid, sends the stream id on every call, and tears down at the end.
 */
class ExecuteTest {
  private Server server;
  private final List<Call> calls = new ArrayList<>();
  private final List<String> streamIds = new ArrayList<>();
  private volatile EventStream stream;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  private static String event(Event event) {
    return ProtoJson.print(event);
  }

  private static Event update(String task, TaskState state, byte uuid) {
    var status = Protos.TaskStatus.newBuilder().setTaskId(Protos.TaskID.newBuilder().setValue(task)).setState(state)
        .setAgentId(Protos.AgentID.newBuilder().setValue("a1"));
    if (uuid != 0) {
      status.setUuid(ByteString.copyFrom(new byte[] {uuid}));
    }
    return Event.newBuilder().setType(Event.Type.UPDATE).setUpdate(Event.Update.newBuilder().setStatus(status)).build();
  }

  private int start(TaskState last) throws Exception {
    var handler = new JsonHandler().stream("POST", SchedulerConnection.PATH, (request, body, response, callback) -> {
      Call call = ProtoJson.parse(body, Call.newBuilder());
      synchronized (calls) {
        calls.add(call);
        streamIds.add(request.getHeaders().get("Mesos-Stream-Id"));
      }
      switch (call.getType()) {
        case SUBSCRIBE -> {
          response.setStatus(200);
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
          response.getHeaders().put("Mesos-Stream-Id", "stream-1");
          stream = new EventStream(response, callback, () -> { });
          stream.send(event(Event.newBuilder().setType(Event.Type.SUBSCRIBED).setSubscribed(Event.Subscribed
              .newBuilder().setFrameworkId(Protos.FrameworkID.newBuilder().setValue("fw-1"))
              .setHeartbeatIntervalSeconds(15)).build()));
          stream.send(event(Event.newBuilder().setType(Event.Type.OFFERS).setOffers(Event.Offers.newBuilder()
              .addOffers(Protos.Offer.newBuilder().setId(Protos.OfferID.newBuilder().setValue("o1"))
                  .setFrameworkId(Protos.FrameworkID.newBuilder().setValue("fw-1"))
                  .setAgentId(Protos.AgentID.newBuilder().setValue("a1")).setHostname("h")
                  .addResources(Protos.Resource.newBuilder().setName("cpus").setType(Protos.Value.Type.SCALAR)
                      .setScalar(Protos.Value.Scalar.newBuilder().setValue(1)))
                  .addResources(Protos.Resource.newBuilder().setName("mem").setType(Protos.Value.Type.SCALAR)
                      .setScalar(Protos.Value.Scalar.newBuilder().setValue(64))))).build()));
          return null;
        }
        case ACCEPT -> {
          stream.send(event(update("hello", TaskState.TASK_RUNNING, (byte) 7)));
          stream.send(event(update("hello", TaskState.TASK_RUNNING, (byte) 0))); // a reconciliation: no uuid
        }
        case ACKNOWLEDGE -> {
          if (call.getAcknowledge().getUuid().byteAt(0) == 7) {
            stream.send(event(update("hello", last, (byte) 8)));
          }
        }
        case TEARDOWN -> stream.close();
        default -> { }
      }
      return Reply.empty(202);
    });
    server = HttpServers.start("test-master", "127.0.0.1", 0, handler, Duration.ofSeconds(30));
    return HttpServers.port(server);
  }

  @Test
  void launchesAcknowledgesEveryUuidAndTearsDown() throws Exception {
    int port = start(TaskState.TASK_FINISHED);
    var text = new StringWriter();
    var result = new Execute(new Execute.Options("127.0.0.1:" + port, "echo hi", 0.5, 32, 1, "hello", 5),
        new PrintWriter(text)).run();
    assertEquals(0, result.exitCode());
    List<Call.Type> types = calls.stream().map(Call::getType).toList();
    assertEquals(List.of(Call.Type.SUBSCRIBE, Call.Type.ACCEPT, Call.Type.SUPPRESS, Call.Type.ACKNOWLEDGE,
        Call.Type.ACKNOWLEDGE, Call.Type.TEARDOWN), types);
    Call accept = calls.get(1);
    assertEquals("o1", accept.getAccept().getOfferIds(0).getValue());
    Protos.TaskInfo task = accept.getAccept().getOperations(0).getLaunch().getTaskInfos(0);
    assertEquals("echo hi", task.getCommand().getValue());
    assertEquals("a1", task.getAgentId().getValue());
    assertEquals(7, calls.get(3).getAcknowledge().getUuid().byteAt(0));
    assertEquals(8, calls.get(4).getAcknowledge().getUuid().byteAt(0));
    assertEquals("fw-1", calls.get(5).getFrameworkId().getValue());
    assertTrue(streamIds.subList(1, streamIds.size()).stream().allMatch("stream-1"::equals), streamIds.toString());
    assertTrue(text.toString().contains("Received status update TASK_FINISHED for task 'hello'"), text.toString());
  }

  @Test
  void aFailedTaskExitsOne() throws Exception {
    int port = start(TaskState.TASK_FAILED);
    var result = new Execute(new Execute.Options("127.0.0.1:" + port, "false", 0.5, 32, 1, "hello", 5),
        new PrintWriter(new StringWriter())).run();
    assertEquals(1, result.exitCode());
  }

  @Test
  void anUnreachableMasterIsAnIoError() {
    assertThrows(IOException.class, () -> new Execute(new Execute.Options("127.0.0.1:1", "true", 0.1, 32, 1, "x", 5),
        new PrintWriter(new StringWriter())).run());
  }

  @Test
  void badOptionsNameTheOption() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Execute.Options("nohostport", "true", 0.1, 32, 1, "x", 5));
    assertEquals("--master: expected HOST:PORT, found 'nohostport'", e.getMessage());
  }
}
