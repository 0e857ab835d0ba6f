package io.offerlab.workloads.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.workloads.WorkloadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineSourceTest {
  private static final String TEXT = "first\r\nsecond\n\nlast without newline";

  @TempDir
  Path tmp;

  private static List<String> lines(Path p) {
    List<String> out = new ArrayList<>();
    try (LineSource src = new LineSource(p)) {
      while (src.next()) {
        out.add(src.text());
        assertEquals(out.size(), src.lineNumber());
      }
    }
    return out;
  }

  @Test
  void plainGzipAndZipReadTheSameLines() throws IOException {
    List<String> expected = List.of("first", "second", "", "last without newline");
    Path plain = Files.writeString(tmp.resolve("t.txt"), TEXT);
    assertEquals(expected, lines(plain));
    Path gz = tmp.resolve("t.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(TEXT.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(expected, lines(gz));
    Path zip = tmp.resolve("t.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("dir/"));
      out.closeEntry();
      out.putNextEntry(new ZipEntry("dir/t.txt"));
      out.write(TEXT.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    assertEquals(expected, lines(zip));
  }

  @Test
  void aTruncatedGzipFailsNamingTheLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < 20000; i++) {
        out.write(("row " + i + " " + (i * 7919L % 104729) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] all = bytes.toByteArray();
    Path cut = Files.write(tmp.resolve("cut.csv.gz"), Arrays.copyOf(all, all.length / 2));
    WorkloadException e = assertThrows(WorkloadException.class, () -> lines(cut));
    assertTrue(e.getMessage().matches(".*cut\\.csv\\.gz:\\d+: expected readable compressed data, found a corrupt or"
        + " truncated stream.*"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void longLinesGrowTheBuffer() throws IOException {
    String big = "x".repeat(300_000);
    Path p = Files.writeString(tmp.resolve("big.txt"), big + "\nshort\n");
    assertEquals(List.of(big, "short"), lines(p));
  }
}
