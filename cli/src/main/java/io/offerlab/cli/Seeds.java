package io.offerlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine;

/** Parses {@code --seeds}: a range {@code 1..5} (both ends included) or a list {@code 1,3,7} of distinct seeds. */
final class Seeds {
  /** The most seeds one option may name. */
  static final int MAX = 10_000;

  private Seeds() {}

  /** Returns the seeds in the order given; a bad value is a usage error naming the option. */
  static List<Long> parse(CommandLine cli, String text) {
    try {
      List<Long> seeds = new ArrayList<>();
      int dots = text.indexOf("..");
      if (dots >= 0) {
        long from = Long.parseLong(text.substring(0, dots).trim());
        long to = Long.parseLong(text.substring(dots + 2).trim());
        if (to < from || to - from >= MAX) {
          throw bad(cli, text);
        }
        for (long s = from; s <= to; s++) {
          seeds.add(s);
        }
        return seeds;
      }
      for (String part : text.split(",", -1)) {
        seeds.add(Long.parseLong(part.trim()));
      }
      if (new LinkedHashSet<>(seeds).size() != seeds.size() || seeds.size() > MAX) {
        throw bad(cli, text);
      }
      return seeds;
    } catch (NumberFormatException e) {
      throw bad(cli, text);
    }
  }

  private static CommandLine.ParameterException bad(CommandLine cli, String text) {
    return new CommandLine.ParameterException(cli, "--seeds: expected a range FROM..TO (FROM <= TO) or a list of "
        + "distinct whole numbers like 1,3,7, found '" + text + "'");
  }
}
