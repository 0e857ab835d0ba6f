package io.offerlab.simcore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Named streams are a pure function of (seed, name): common random numbers across runs and components. */
class RandomStreamsTest {
  @Test
  void aStreamDependsOnlyOnTheSeedAndItsName() {
    RandomStreams one = new RandomStreams(42);
    RandomStreams two = new RandomStreams(42);
    two.stream("other").nextLong();
    assertEquals(one.stream("failures").nextLong(), two.stream("failures").nextLong());
    assertSame(one.stream("x"), one.stream("x"));
  }

  @Test
  void namesAndSeedsGiveDifferentStreams() {
    RandomStreams streams = new RandomStreams(42);
    assertNotEquals(streams.seedFor("a"), streams.seedFor("b"));
    assertNotEquals(new RandomStreams(1).seedFor("a"), new RandomStreams(2).seedFor("a"));
  }
}
