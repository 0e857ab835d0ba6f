package io.offerlab.reports.sweep;

/**
 * The part {@code I/N} of a sweep's matrix that one machine runs: the cells whose index modulo N is I - 1. The split is
 * deterministic, so an array job of N tasks (Slurm, GNU parallel) covers the matrix exactly once.
 *
 * @param index I, from 1 to N
 * @param count N
 */
public record Shard(int index, int count) {
  /** The whole matrix. */
  public static final Shard ALL = new Shard(1, 1);

  /** Checks 1 <= I <= N. */
  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new SweepException("--shard: expected I/N with 1 <= I <= N, found " + index + "/" + count);
    }
  }

  /** Parses {@code I/N}. */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/");
    if (parts.length != 2) {
      throw new SweepException("--shard: expected I/N such as 1/4, found '" + text + "'");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new SweepException("--shard: expected I/N such as 1/4, found '" + text + "'");
    }
  }

  /** Returns whether the cell with this matrix index belongs to the shard. */
  public boolean owns(int cellIndex) {
    return cellIndex % count == index - 1;
  }

  /** Returns whether this is the whole matrix. */
  public boolean isAll() {
    return count == 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
