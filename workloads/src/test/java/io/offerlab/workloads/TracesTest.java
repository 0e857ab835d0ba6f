package io.offerlab.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A test skipped for a missing trace says why on the console, not only in surefire's XML report. */
class TracesTest {
  @Test
  void aSkipPrintsItsReasonAndAbortsTheTest() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    TestAbortedException e = assertThrows(TestAbortedException.class,
        () -> Traces.skip("shared trace /x not found (set OFFERLAB_TRACES)", console));
    assertEquals("[SKIPPED] shared trace /x not found (set OFFERLAB_TRACES)\n", bytes.toString(StandardCharsets.UTF_8));
    assertEquals("Assumption failed: shared trace /x not found (set OFFERLAB_TRACES)", e.getMessage());
  }
}
