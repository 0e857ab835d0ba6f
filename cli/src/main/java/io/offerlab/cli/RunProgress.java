package io.offerlab.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar of finished runs for compare, demo and sweep: drawn on a terminal, silent otherwise. */
final class RunProgress implements AutoCloseable {
  private final ProgressBar bar;

  private RunProgress(ProgressBar bar) {
    this.bar = bar;
  }

  /** Starts a bar over {@code runs} runs when standard output is a terminal. */
  static RunProgress start(String task, int runs) {
    if (System.console() == null || runs < 1) {
      return new RunProgress(null);
    }
    return new RunProgress(new ProgressBarBuilder().setTaskName(task).setInitialMax(runs).setUnit(" runs", 1)
        .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build());
  }

  /** Returns the thread count: the given one, else the available cores. */
  static int threads(Integer requested) {
    if (requested != null && requested < 1) {
      throw new IllegalArgumentException("--threads: expected at least 1, found " + requested);
    }
    return requested != null ? requested : Runtime.getRuntime().availableProcessors();
  }

  /** Records one finished run. */
  synchronized void step() {
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
