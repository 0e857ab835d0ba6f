package io.offerlab.workloads.synthetic;

import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Named random streams derived from the run seed: each framework class draws from its own, so adding or changing one
 * class leaves the others' draws alone (common random numbers, as SSJ's {@code RandomStream} gives).
 */
final class Streams {
  private Streams() {}

  /** Returns the stream for {@code name} under {@code seed}. */
  static RandomGenerator of(long seed, String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return new Well19937c(mix(seed ^ mix(h)));
  }

  /** The SplitMix64 finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
