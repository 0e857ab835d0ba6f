package io.offerlab.reports.reproduce;

import java.nio.file.Path;
import java.util.List;

final class OmegaHoarding {
  private OmegaHoarding() {}

  static List<ReproTable> run(Path dir, List<Long> seeds, int threads) {
    throw new UnsupportedOperationException("omega-hoarding: not written yet");
  }
}
