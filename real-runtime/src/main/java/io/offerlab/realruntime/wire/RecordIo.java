package io.offerlab.realruntime.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RecordIO framing of Mesos event streams: each record is its length in bytes in decimal, a newline, then that many
 * bytes ({@code docs/scheduler-http-api.md}). The master writes one record per HTTP chunk (ARCHITECTURE.md 7.1).
 */
public final class RecordIo {
  private static final int MAX_RECORD = 64 << 20;

  private RecordIo() {
  }

  /** Frame one record: {@code <byte length>\n<data>}. */
  public static byte[] frame(byte[] data) {
    byte[] header = (data.length + "\n").getBytes(StandardCharsets.US_ASCII);
    byte[] record = new byte[header.length + data.length];
    System.arraycopy(header, 0, record, 0, header.length);
    System.arraycopy(data, 0, record, header.length, data.length);
    return record;
  }

  /** Frame a JSON text as one record. */
  public static byte[] frame(String json) {
    return frame(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads records from a stream, whatever its chunk boundaries are. */
  public static final class Reader {
    private final InputStream in;

    /** Read records from {@code in}. */
    public Reader(InputStream in) {
      this.in = in;
    }

    /** Return the next record, or null at a clean end of stream; a broken record is an {@link IOException}. */
    public byte[] next() throws IOException {
      long length = 0;
      int digits = 0;
      while (true) {
        int b = in.read();
        if (b < 0) {
          if (digits == 0) {
            return null;
          }
          throw new IOException("RecordIO: stream ended inside a record length");
        }
        if (b == '\n') {
          if (digits == 0) {
            continue; // tolerate blank lines between records
          }
          break;
        }
        if (b < '0' || b > '9') {
          throw new IOException("RecordIO: expected a digit in a record length, found byte " + b);
        }
        length = length * 10 + (b - '0');
        digits++;
        if (length > MAX_RECORD) {
          throw new IOException("RecordIO: record length above " + MAX_RECORD + " bytes");
        }
      }
      byte[] data = in.readNBytes((int) length);
      if (data.length < length) {
        throw new IOException("RecordIO: stream ended after " + data.length + " of " + length + " bytes");
      }
      return data;
    }
  }

  /** Return the records of a whole stream's bytes (tests and small clients). */
  public static List<byte[]> readAll(InputStream in) throws IOException {
    var records = new ArrayList<byte[]>();
    var reader = new Reader(in);
    for (byte[] r = reader.next(); r != null; r = reader.next()) {
      records.add(r);
    }
    return records;
  }
}
