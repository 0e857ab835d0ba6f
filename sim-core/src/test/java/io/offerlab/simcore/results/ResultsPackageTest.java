package io.offerlab.simcore.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The results format is clock-free and self-contained, so that the real runtime's replay can share it: its sources
 * import only the JDK, Jackson and the package itself, never the simulator's engine, cluster or metrics.
 */
class ResultsPackageTest {
  @Test
  void importsOnlyTheJdkJacksonAndItself() throws IOException {
    Path dir = Path.of("src/main/java/io/offerlab/simcore/results");
    List<String> foreign = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          String l = line.strip();
          if (l.startsWith("import ") && !l.matches("import (static )?(java\\.|com\\.fasterxml\\.jackson\\."
              + "|io\\.offerlab\\.simcore\\.results\\.).*")) {
            foreign.add(file.getFileName() + ": " + l);
          }
        }
      }
    }
    assertEquals(List.of(), foreign);
  }
}
