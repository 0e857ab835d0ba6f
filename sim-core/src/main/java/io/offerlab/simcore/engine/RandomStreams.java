package io.offerlab.simcore.engine;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Named, seeded random streams for common random numbers, after SSJ's {@code RandomStream}: each component draws from
 * its own stream, so changing the allocator does not shift the draws of, say, agent failures. A stream's seed is a
 * pure function of the run seed and the stream's name (SplitMix64 mixing of the seed and a 64-bit FNV-1a hash of the
 * UTF-8 name), never of creation order or hashing.
 */
public final class RandomStreams {
  private final long seed;
  private final Map<String, SplittableRandom> streams = new HashMap<>();

  /** Creates the streams of a run. */
  public RandomStreams(long seed) {
    this.seed = seed;
  }

  /** Returns the run seed. */
  public long seed() {
    return seed;
  }

  /** Returns the stream called {@code name}; the same object every time for the same name. */
  public SplittableRandom stream(String name) {
    return streams.computeIfAbsent(name, n -> new SplittableRandom(seedFor(n)));
  }

  /** Returns the seed of the stream called {@code name}. */
  public long seedFor(String name) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return mix(seed + mix(hash));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
