package io.offerlab.realruntime.master;

import io.offerlab.realruntime.http.EventStream;
import io.offerlab.realruntime.http.JsonHandler;
import io.offerlab.realruntime.http.JsonHandler.Reply;
import io.offerlab.realruntime.master.Entries.Framework;
import io.offerlab.realruntime.wire.BadMessageException;
import io.offerlab.realruntime.wire.ProtoJson;
import java.util.UUID;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/v1/scheduler} with Mesos' answers ({@code Master::Http::scheduler} in {@code src/master/http.cpp}
 * and {@code validation::scheduler::call::validate}): a body that is not a valid Call is 400 naming the field; a
 * non-SUBSCRIBE call for an unknown framework is 400, for a known but disconnected one 403, without the right
 * {@code Mesos-Stream-Id} 400; SUBSCRIBE answers 200 with a RecordIO stream and a new {@code Mesos-Stream-Id}; every
 * other call answers 202 and is carried out on the master's event loop. JSON only: protobuf bodies are 415.
 */
final class SchedulerApi implements JsonHandler.StreamingEndpoint {
  private final Master master;
  private final SchedulerCalls calls;
  private final Security security;

  SchedulerApi(Master master, Security security) {
    this.master = master;
    this.security = security;
    this.calls = new SchedulerCalls(master);
  }

  @Override
  public Reply handle(Request request, byte[] body, Response response, Callback callback) throws BadMessageException {
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (contentType == null) {
      return Reply.text(400, "Expecting 'Content-Type' to be present");
    }
    if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return Reply.text(415, "Expecting 'Content-Type' of application/json (Offerlab does not take "
          + "application/x-protobuf)");
    }
    Call call = ProtoJson.parse(body, Call.newBuilder());
    String invalid = validate(call);
    if (invalid != null) {
      return Reply.text(400, "Failed to validate scheduler::Call: " + invalid);
    }
    if (call.getType() == Call.Type.SUBSCRIBE) {
      String refused = authorize(call.getSubscribe().getFrameworkInfo(), (String) request.getAttribute(Security.PRINCIPAL));
      if (refused != null) {
        return Reply.text(403, refused);
      }
    }
    String streamHeader = request.getHeaders().get("Mesos-Stream-Id");
    master.loop.execute(() -> {
      if (call.getType() == Call.Type.SUBSCRIBE) {
        subscribe(call, response, callback);
        return;
      }
      JsonHandler.send(response, callback, onLoop(call, streamHeader));
    });
    return null;
  }

  /**
   * Mesos' checks of a SUBSCRIBE's principal: an authenticated framework may not claim another principal, and the
   * ACLs' register_frameworks rules must let its principal use its role. Returns the refusal, or null.
   */
  private String authorize(org.apache.mesos.v1.Protos.FrameworkInfo info, String authenticated) {
    if (authenticated != null && info.hasPrincipal() && !info.getPrincipal().equals(authenticated)) {
      return "Framework principal '" + info.getPrincipal() + "' does not match authenticated principal '"
          + authenticated + "'";
    }
    String principal = authenticated != null ? authenticated : info.hasPrincipal() ? info.getPrincipal() : null;
    String role = Master.roleOf(info);
    if (!security.mayRegister(principal, role)) {
      return "Not authorized to subscribe as principal '" + (principal == null ? "ANY" : principal)
          + "' in role '" + role + "' (--acls register_frameworks)";
    }
    return null;
  }

  /** Mesos' call validation: the field each call type needs must be there. */
  static String validate(Call call) {
    if (!call.hasType()) {
      return "Expecting 'type' to be present";
    }
    if (call.getType() == Call.Type.SUBSCRIBE) {
      if (!call.hasSubscribe()) {
        return "Expecting 'subscribe' to be present";
      }
      var info = call.getSubscribe().getFrameworkInfo();
      if (info.hasId() != call.hasFrameworkId() || (info.hasId() && !info.getId().equals(call.getFrameworkId()))) {
        return "'framework_id' differs from 'subscribe.framework_info.id'";
      }
      return null;
    }
    if (!call.hasFrameworkId()) {
      return "Expecting 'framework_id' to be present";
    }
    return switch (call.getType()) {
      case ACCEPT -> call.hasAccept() ? null : "Expecting 'accept' to be present";
      case DECLINE -> call.hasDecline() ? null : "Expecting 'decline' to be present";
      case KILL -> call.hasKill() ? null : "Expecting 'kill' to be present";
      case ACKNOWLEDGE -> !call.hasAcknowledge() ? "Expecting 'acknowledge' to be present"
          : call.getAcknowledge().getUuid().size() != 16 ? "Not a valid UUID: expected 16 bytes in 'acknowledge.uuid'"
          : null;
      case RECONCILE -> call.hasReconcile() ? null : "Expecting 'reconcile' to be present";
      case SHUTDOWN -> call.hasShutdown() ? null : "Expecting 'shutdown' to be present";
      case MESSAGE -> call.hasMessage() ? null : "Expecting 'message' to be present";
      case REQUEST -> call.hasRequest() ? null : "Expecting 'request' to be present";
      case UNKNOWN -> "Expecting a known 'type'";
      default -> null;
    };
  }

  private Reply onLoop(Call call, String streamHeader) {
    Framework framework = master.frameworks.get(call.getFrameworkId().getValue());
    if (framework == null) {
      return Reply.text(400, "Framework cannot be found");
    }
    if (!framework.connected) {
      return Reply.text(403, "Framework is not subscribed");
    }
    if (streamHeader == null) {
      return Reply.text(400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
    }
    if (!streamHeader.equals(framework.streamId)) {
      return Reply.text(400, "The stream ID '" + streamHeader + "' included in this request didn't match the stream"
          + " ID currently associated with framework ID " + framework.id);
    }
    calls.handle(framework, call);
    return Reply.empty(202);
  }

  private void subscribe(Call call, Response response, Callback callback) {
    var info = call.getSubscribe().getFrameworkInfo();
    Framework framework = info.hasId() ? master.frameworks.get(info.getId().getValue()) : null;
    if (info.hasId() && framework == null && master.completedFrameworks.containsKey(info.getId().getValue())) {
      // Mesos' subscribe of a completed framework: an ERROR event on the new stream, which then closes
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.getHeaders().put("Mesos-Stream-Id", UUID.randomUUID().toString());
      var stream = new EventStream(response, callback, () -> { });
      stream.send(ProtoJson.print(org.apache.mesos.v1.scheduler.Protos.Event.newBuilder()
          .setType(org.apache.mesos.v1.scheduler.Protos.Event.Type.ERROR)
          .setError(org.apache.mesos.v1.scheduler.Protos.Event.Error.newBuilder()
              .setMessage("Framework has been removed")).build()));
      stream.close();
      return;
    }
    if (framework == null) {
      framework = master.addFramework(info);
    } else {
      framework.info = info.toBuilder().setId(info.getId()).build();
      master.core.updateFramework(framework.index, Master.capabilities(info), master.loop.now());
      master.persist();
    }
    String streamId = UUID.randomUUID().toString();
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put("Mesos-Stream-Id", streamId);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    Framework subscribed = framework;
    EventStream[] holder = new EventStream[1];
    holder[0] = new EventStream(response, callback,
        () -> master.loop.execute(() -> master.disconnected(subscribed, holder[0])));
    master.connect(framework, holder[0], streamId);
  }
}
