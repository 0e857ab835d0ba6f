package io.offerlab.allocators;

import java.util.Locale;

/**
 * How much of an agent one offer holds: all of what the framework's role may take there (Mesos' default), or the
 * framework's fair share, the remedy for offer hoarding suggested by the Omega paper (Schwarzkopf et al., EuroSys 2013,
 * section 4.1); see {@link FairShareOfferSizer} for the rule.
 */
public enum OfferSize {
  /** The whole of what the role may take on the agent. */
  WHOLE("whole"),
  /** At most the framework's fair dominant share not yet held ({@link FairShareOfferSizer}). */
  FAIR_SHARE("fair-share");

  private final String text;

  OfferSize(String text) {
    this.text = text;
  }

  /** Returns the option's value as written: {@code whole} or {@code fair-share}. */
  public String text() {
    return text;
  }

  /** Parses {@code whole} or {@code fair-share}; fails naming what was expected. */
  public static OfferSize parse(String value) {
    for (OfferSize size : values()) {
      if (size.text.equals(value)) {
        return size;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "expected an offer size 'whole' or 'fair-share', found '%s'", value));
  }
}
