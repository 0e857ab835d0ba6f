package io.offerlab.realruntime.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.Test;

/** The stout rules of {@link ProtoJson}, each stated and checked on a small message. */
class ProtoJsonTest {
  private static <M extends Message> M parse(String json, Message.Builder builder) throws BadMessageException {
    return ProtoJson.parse(json.getBytes(StandardCharsets.UTF_8), builder);
  }

  @Test
  void nullMeansAbsentAlsoInsideArrays() throws Exception {
    Call call = parse("""
        {"type":"DECLINE","framework_id":null,"decline":{"offer_ids":[null,{"value":"o1"},null],"filters":null}}""",
        Call.newBuilder());
    assertFalse(call.hasFrameworkId());
    assertEquals(1, call.getDecline().getOfferIdsCount());
    assertEquals("o1", call.getDecline().getOfferIds(0).getValue());
    assertFalse(call.getDecline().hasFilters());
  }

  @Test
  void unknownFieldsAreIgnoredAtEveryDepth() throws Exception {
    Call call = parse("""
        {"type":"KILL","extra":[1,{"x":null}],"kill":{"task_id":{"value":"t","color":"red"},"more":{}}}""",
        Call.newBuilder());
    assertEquals("t", call.getKill().getTaskId().getValue());
  }

  @Test
  void integersAcceptNumericStringsAndKeepAll64Bits() throws Exception {
    Resource ports = parse("""
        {"name":"ports","type":"RANGES","ranges":{"range":[{"begin":"31000","end":9223372036854775807}]}}""",
        Resource.newBuilder());
    assertEquals(31000, ports.getRanges().getRange(0).getBegin());
    assertEquals(Long.MAX_VALUE, ports.getRanges().getRange(0).getEnd());
    String printed = ProtoJson.print(ports);
    assertTrue(printed.contains("\"range\":[{\"begin\":31000,\"end\":9223372036854775807}]"), printed);
    // protobuf's JsonFormat, the oracle, prints the same 64-bit numbers as strings: that is the reason for this codec
    assertTrue(JsonFormat.printer().print(ports).contains("\"31000\""));
  }

  @Test
  void unsigned64BitValuesPrintUnsigned() throws Exception {
    Event event = parse("""
        {"type":"SUBSCRIBED","subscribed":{"framework_id":{"value":"f"},"heartbeat_interval_seconds":15}}""",
        Event.newBuilder());
    assertEquals(15.0, event.getSubscribed().getHeartbeatIntervalSeconds());
    Message offerUrl = parse("""
        {"scheme":"http","address":{"port":65535}}""", org.apache.mesos.v1.Protos.URL.newBuilder());
    assertTrue(ProtoJson.print(offerUrl).contains("\"port\":65535"));
  }

  @Test
  void doublesAcceptInfinityAndPrintAsNumbers() throws Exception {
    Value.Scalar scalar = parse("{\"value\":\"Infinity\"}", Value.Scalar.newBuilder());
    assertEquals(Double.POSITIVE_INFINITY, scalar.getValue());
    assertEquals("{\"value\":1.0}", ProtoJson.print(Value.Scalar.newBuilder().setValue(1).build()));
    assertEquals("{\"value\":0.25}", ProtoJson.print(Value.Scalar.newBuilder().setValue(0.25).build()));
    assertEquals(2.5, ((Value.Scalar) parse("{\"value\":\"2.5\"}", Value.Scalar.newBuilder())).getValue());
  }

  @Test
  void aSingleValueForARepeatedFieldAddsOneElementAsStoutDoes() throws Exception {
    Call call = parse("{\"type\":\"REVIVE\",\"revive\":{\"roles\":\"web\"}}", Call.newBuilder());
    assertEquals(1, call.getRevive().getRolesCount());
    assertEquals("web", call.getRevive().getRoles(0));
  }

  @Test
  void unknownEnumNameDropsAnOptionalFieldAndFailsARequiredOne() throws Exception {
    Call call = parse("{\"type\":\"NO_SUCH_CALL\"}", Call.newBuilder());
    assertFalse(call.hasType());
    var error = assertThrows(BadMessageException.class, () -> parse("""
        {"task_id":{"value":"t"},"state":"TASK_DANCING"}""", TaskStatus.newBuilder()));
    assertEquals("field 'state': unknown TaskState 'TASK_DANCING'", error.getMessage());
  }

  @Test
  void errorsNameTheFieldPath() {
    var wrongType = assertThrows(BadMessageException.class, () -> parse("""
        {"type":"ACCEPT","accept":{"offer_ids":[{"value":"o1"},{"value":7}]}}""", Call.newBuilder()));
    assertEquals("field 'accept.offer_ids[1].value': expected a JSON string, found the number 7",
        wrongType.getMessage());
    var fraction = assertThrows(BadMessageException.class, () -> parse("""
        {"name":"ports","type":"RANGES","ranges":{"range":[{"begin":1.5,"end":2}]}}""", Resource.newBuilder()));
    assertEquals("field 'ranges.range[0].begin': expected an integer, found the number 1.5", fraction.getMessage());
    var range = assertThrows(BadMessageException.class, () -> parse("""
        {"scheme":"http","address":{"port":4294967296}}""", org.apache.mesos.v1.Protos.URL.newBuilder()));
    assertTrue(range.getMessage().startsWith("field 'address.port': expected an integer in [-2147483648, 2147483647]"),
        range.getMessage());
    var missing = assertThrows(BadMessageException.class, () -> parse("""
        {"type":"SUBSCRIBE","subscribe":{"framework_info":{"name":"x"}}}""", Call.newBuilder()));
    assertEquals("missing required fields: subscribe.framework_info.user", missing.getMessage());
    var notObject = assertThrows(BadMessageException.class, () -> parse("[1]", Call.newBuilder()));
    assertEquals("expected a JSON object for Call", notObject.getMessage());
  }

  @Test
  void malformedJsonIsOneLine() {
    var error = assertThrows(BadMessageException.class, () -> parse("{\"type\":\"TEARDOWN\",}", Call.newBuilder()));
    assertTrue(error.getMessage().startsWith("malformed JSON: "), error.getMessage());
    assertFalse(error.getMessage().contains("\n"));
  }

  @Test
  void bytesAreBase64BothWays() throws Exception {
    TaskStatus status = TaskStatus.newBuilder().setTaskId(TaskID.newBuilder().setValue("t"))
        .setState(TaskState.TASK_RUNNING).setUuid(ByteString.copyFrom(new byte[] {0, 1, (byte) 0xff})).build();
    String printed = ProtoJson.print(status);
    assertTrue(printed.contains("\"uuid\":\"AAH/\""), printed);
    assertEquals(status, parse(printed, TaskStatus.newBuilder()));
    var error = assertThrows(BadMessageException.class, () -> parse("""
        {"task_id":{"value":"t"},"state":"TASK_RUNNING","uuid":"not base64!"}""", TaskStatus.newBuilder()));
    assertTrue(error.getMessage().startsWith("field 'uuid': expected Base64"), error.getMessage());
  }

  @Test
  void outputIsCompactAsciiInDeclarationOrderWithStoutDefaults() {
    FrameworkID id = FrameworkID.newBuilder().setValue("caf\u00e9\n\"x\"").build();
    assertEquals("{\"value\":\"caf\\u00e9\\n\\\"x\\\"\"}", ProtoJson.print(id));
    // Filters.refuse_seconds declares [default = 5.0]: stout prints unset fields that have a default
    assertEquals("{\"refuse_seconds\":5.0}", ProtoJson.print(org.apache.mesos.v1.Protos.Filters.getDefaultInstance()));
    Event heartbeat = Event.newBuilder().setType(Event.Type.HEARTBEAT).build();
    assertEquals("{\"type\":\"HEARTBEAT\"}", ProtoJson.print(heartbeat));
  }
}
