package io.offerlab.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.offerlab.reports.Files2;
import io.offerlab.reports.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in: takes a screenshot of a report's index.html in headless Chromium and checks that it drew something. Run
 * with {@code mvn -pl reports test -Dsurefire.excludedGroups= -Dgroups=screenshot}; {@code
 * -Dofferlab.screenshot.dir=DIR} shoots an existing report (for example the demo's) instead of a fixture report, and
 * {@code -Dofferlab.screenshot.out=FILE.png} keeps the image. Skipped when /usr/bin/chromium is absent
 * ({@code apt-get install -y chromium}).
 */
@Tag("screenshot")
class ScreenshotTest {
  @TempDir
  Path tmp;

  @Test
  void chromiumRendersTheReport() throws Exception {
    Path chromium = Path.of(System.getProperty("offerlab.chromium", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      // Surefire keeps skip reasons in its XML only; the forked JVM's own stderr reaches the console.
      new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
          java.nio.charset.StandardCharsets.UTF_8).println("[SKIPPED] " + chromium + " is not installed");
    }
    assumeTrue(Files.isExecutable(chromium), chromium + " is not installed: apt-get install -y chromium");
    String given = System.getProperty("offerlab.screenshot.dir");
    Path report;
    if (given != null && !given.isBlank()) {
      report = Path.of(given).toAbsolutePath();
    } else {
      report = tmp.resolve("report");
      Fixtures.writeRun(report.resolve("static"), "static", 1.0, 4);
      Fixtures.writeRun(report.resolve("drf"), "drf", 2.0, 4);
      new CompareManifest(List.of("static", "drf"), "./offerlab compare --workload synthetic:fixture", null)
          .write(report);
      ComparisonReport.render(report);
    }
    Path png = Path.of(System.getProperty("offerlab.screenshot.out", tmp.resolve("shot.png").toString()))
        .toAbsolutePath();
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + tmp.resolve("profile"), "--screenshot=" + png,
        "--window-size=1400,3000", report.resolve("index.html").toUri().toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish within 120 s");
    assertEquals(0, process.exitValue(), Files.readString(tmp.resolve("chromium.log")));
    assertTrue(Files.exists(png), "no screenshot written");
    Files2.assertNonBlankPng(png);
  }
}
