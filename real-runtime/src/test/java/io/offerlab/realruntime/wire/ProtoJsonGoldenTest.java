package io.offerlab.realruntime.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every call and event of Mesos' scheduler API document (corrected copies, see {@link GoldenExamples}) parses to the
 * same message as protobuf's own {@code JsonFormat} parser, the oracle; and printing it then parsing the text gives
 * the same message back.
 */
class ProtoJsonGoldenTest {
  static Stream<GoldenExamples.Example> examples() {
    return GoldenExamples.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void parsesAsTheOracleDoesAndRoundTrips(GoldenExamples.Example example) throws Exception {
    Message.Builder ours = example.call() ? Call.newBuilder() : Event.newBuilder();
    Message.Builder oracle = example.call() ? Call.newBuilder() : Event.newBuilder();
    Message parsed = ProtoJson.parse(example.json().getBytes(StandardCharsets.UTF_8), ours);
    JsonFormat.parser().ignoringUnknownFields().merge(example.json(), oracle);
    assertEquals(oracle.build(), parsed, example.type());
    assertEquals(example.type(), ((com.google.protobuf.Descriptors.EnumValueDescriptor) parsed.getField(
        parsed.getDescriptorForType().findFieldByName("type"))).getName());
    String printed = ProtoJson.print(parsed);
    Message again = ProtoJson.parse(printed.getBytes(StandardCharsets.UTF_8), parsed.newBuilderForType());
    // stout prints unset fields that declare a default, so the text, not the message, is the fixed point
    assertEquals(printed, ProtoJson.print(again));
    Message.Builder oracleAgain = parsed.newBuilderForType();
    JsonFormat.parser().merge(printed, oracleAgain);
    assertEquals(again, oracleAgain.build(), "the oracle reads our output: " + printed);
  }
}
