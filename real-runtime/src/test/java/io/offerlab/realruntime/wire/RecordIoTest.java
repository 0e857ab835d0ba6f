package io.offerlab.realruntime.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RecordIO: the length counts bytes, not characters; records survive any chunking of the stream. */
class RecordIoTest {
  @Test
  void lengthIsInBytes() {
    byte[] record = RecordIo.frame("{\"m\":\"\u00e9\"}");
    assertEquals("10\n{\"m\":\"\u00e9\"}", new String(record, StandardCharsets.UTF_8));
  }

  @Test
  void readerReassemblesRecordsSplitAcrossOneByteReads() throws IOException {
    byte[] a = RecordIo.frame("{\"type\":\"HEARTBEAT\"}");
    byte[] b = RecordIo.frame("{\"type\":\"SUBSCRIBED\"}");
    byte[] stream = new byte[a.length + b.length];
    System.arraycopy(a, 0, stream, 0, a.length);
    System.arraycopy(b, 0, stream, a.length, b.length);
    InputStream trickle = new ByteArrayInputStream(stream) {
      @Override
      public synchronized int read(byte[] buf, int off, int len) {
        return super.read(buf, off, Math.min(len, 1));
      }
    };
    var reader = new RecordIo.Reader(trickle);
    assertArrayEquals("{\"type\":\"HEARTBEAT\"}".getBytes(StandardCharsets.UTF_8), reader.next());
    assertArrayEquals("{\"type\":\"SUBSCRIBED\"}".getBytes(StandardCharsets.UTF_8), reader.next());
    assertNull(reader.next());
  }

  @Test
  void truncatedRecordFailsLoudly() {
    var reader = new RecordIo.Reader(new ByteArrayInputStream("20\n{\"type\"".getBytes(StandardCharsets.UTF_8)));
    var error = assertThrows(IOException.class, reader::next);
    assertEquals("RecordIO: stream ended after 7 of 20 bytes", error.getMessage());
  }
}
