package io.offerlab.simcore.cluster;

import io.offerlab.workloads.Job;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Jobs submitted by a script that waits for the previous one, as in the Mesos paper's macrobenchmark (Hindman et al.,
 * NSDI 2011, section 6.1.1: the large Hadoop jobs each "after the previous one finished", the Spark jobs 2 minutes
 * after the previous one ended). A chained job ({@link Job#chained()}) that arrives from the stream while its
 * framework's previous job is still open waits here; it is submitted {@code afterPreviousMicros} after that job ends,
 * and its arrival (from which its completion time counts) is then that submission time. Independent jobs pass through.
 * Keeps one entry per framework, so long traces without chains cost one map lookup per job.
 */
final class JobChains {
  /** Submits a job now. */
  @FunctionalInterface
  interface Submit {
    void submit(Job job);
  }

  private static final class Chain {
    JobRun last;
    final ArrayDeque<Job> waiting = new ArrayDeque<>();
    boolean releaseScheduled;
  }

  private final Simulation sim;
  private final Submit submit;
  private final Map<String, Chain> chains = new HashMap<>();
  private int waiting;

  JobChains(Simulation sim, Submit submit) {
    this.sim = sim;
    this.submit = submit;
  }

  /** Takes a job from the stream: submits it now, later, or once its framework's previous job ends. */
  void arrived(Job job, long now) {
    Chain chain = chains.computeIfAbsent(job.framework(), f -> new Chain());
    if (!job.chained() || chain.last == null && chain.waiting.isEmpty()) {
      submit.submit(job);
      return;
    }
    chain.waiting.addLast(job);
    waiting++;
    if (chain.waiting.size() == 1 && chain.last != null && chain.last.finished()) {
      schedule(chain, Math.max(now, chain.last.finish + job.afterPreviousMicros()));
    }
  }

  /** Records a submitted job as its framework's latest. */
  void submitted(JobRun run, String framework) {
    chains.computeIfAbsent(framework, f -> new Chain()).last = run;
  }

  /** A job ended: the next chained job of its framework is due after its delay. */
  void ended(JobRun run, String framework, long now) {
    Chain chain = chains.get(framework);
    if (chain == null || chain.last != run || chain.waiting.isEmpty() || chain.releaseScheduled) {
      return;
    }
    schedule(chain, now + chain.waiting.peekFirst().afterPreviousMicros());
  }

  /** Returns how many chained jobs wait for their predecessor. */
  int waiting() {
    return waiting;
  }

  private void schedule(Chain chain, long at) {
    chain.releaseScheduled = true;
    long when = Math.max(at, chain.waiting.peekFirst().arrivalMicros());
    sim.engine.schedule(new ChainRelease(this, chain), Math.max(when, sim.engine.now()));
  }

  private void release(Chain chain) {
    chain.releaseScheduled = false;
    Job job = chain.waiting.pollFirst();
    waiting--;
    long now = sim.engine.now();
    submit.submit(job.arrivalMicros() == now ? job : job.withArrival(now));
  }

  /** The moment a waiting chained job is submitted. */
  static final class ChainRelease extends SimEvent {
    private final JobChains chains;
    private final Object chain;

    ChainRelease(JobChains chains, Object chain) {
      this.chains = chains;
      this.chain = chain;
    }

    @Override
    protected void fire() {
      chains.release((Chain) chain);
    }

    @Override
    public String toString() {
      return "chain-release";
    }
  }
}
