package io.offerlab.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs independent simulations side by side on a pool of daemon threads (compare and sweep). The first failure stops
 * the batch: runs not started are not run, runs in flight are interrupted and waited for, so that nothing is written
 * after {@link #run} returns, and the failure is rethrown.
 */
public final class ParallelRuns {
  /** Runs one item. */
  @FunctionalInterface
  public interface Task<T> {
    /** Runs {@code item}; an interrupted run must leave its results unpublished. */
    void run(T item) throws Exception;
  }

  /** Hears about finished items, on the thread that called {@link #run}. */
  @FunctionalInterface
  public interface Finished<T> {
    /** Called after each item that ran, with how many are done and of how many. */
    void finished(T item, int done, int total);
  }

  /** The order in which finished items are reported. */
  public enum Order {
    /** In the order of the items, each once it and all before it have finished. */
    SUBMITTED,
    /** As they finish. */
    COMPLETED
  }

  private ParallelRuns() {}

  /**
   * Runs {@code task} on every item on up to {@code threads} threads named {@code offerlab-NAME}; an interrupt of the
   * caller fails with {@code NAME interrupted}.
   */
  public static <T> void run(String name, List<T> items, int threads, Order order, Task<T> task,
      Finished<T> finished) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())), r -> {
      Thread t = new Thread(r, "offerlab-" + name);
      t.setDaemon(true);
      return t;
    });
    CompletionService<T> completed = new ExecutorCompletionService<>(pool);
    List<Future<T>> futures = new ArrayList<>();
    try {
      for (T item : items) {
        futures.add(completed.submit(() -> {
          task.run(item);
          return item;
        }));
      }
      for (int i = 1; i <= items.size(); i++) {
        Future<T> next = order == Order.COMPLETED ? completed.take() : futures.get(i - 1);
        finished.finished(next.get(), i, items.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + " interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      futures.forEach(f -> f.cancel(true));
      pool.shutdownNow();
      awaitQuietly(pool);
    }
  }

  /** Waits for runs in flight: they see the interrupt and leave their results unpublished. */
  private static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.HOURS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Deletes a folder if it exists and is empty (a failed run leaves no empty --out folder behind). */
  public static void deleteIfEmpty(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      if (children.findAny().isEmpty()) {
        Files.delete(dir);
      }
    } catch (IOException e) {
      // best effort: the folder is gone or not empty
    }
  }

  /** Deletes a folder and everything in it; does nothing when it does not exist. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
