package io.offerlab.simcore.cluster;

import io.offerlab.simcore.config.FrameworkSettings;
import io.offerlab.simcore.config.GangPolicy;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * One framework decision's placement of pending tasks on the offers it holds: jobs first come first served; the
 * tasks of a batch or service job one by one, next-fit over the offers, at most {@code maxTasksPerOffer} per offer;
 * a gang job's pending tasks all together or not at all. The framework gives up after {@code maxPendingScan}
 * tasks in a row that do not fit; tasks it skipped keep their place in their job. A request shape that failed to
 * fit is remembered for the rest of the decision (capacity only shrinks), so identical tasks are not tried again.
 */
final class Placement {
  private static final int MAX_FAILED_SHAPES = 8;

  private static final OfferState[] NO_OFFERS = new OfferState[0];

  private OfferState[] working = NO_OFFERS;
  private int workingSize;
  private JobRun[] planJob = new JobRun[16];
  private int[] planTask = new int[16];
  private int[] planOffer = new int[16];
  private long[] planMilli = new long[64];
  private int planSize;
  private JobRun holdFor;
  private boolean gangDeclined;
  private int nextFit;
  private final long[][] failedShapes = new long[MAX_FAILED_SHAPES][4];
  private int failedShapeCount;
  private final long[] milli = new long[4];
  private int[] skipped = new int[16];
  private int skippedSize;
  private final List<Integer> gangTaken = new ArrayList<>();
  private FrameworkSettings settings;
  /** How requests are counted (whole slots under the {@code slots} allocator). */
  private final SlotRounding slots;
  /** The number of the current decision; an offer's planning scratch is reset when it first meets a new one. */
  private int stamp;

  Placement(SlotRounding slots) {
    this.slots = slots;
  }

  /** Sets the offers the decision may use: the first {@code count} of {@code offers}, all outstanding. */
  void setOffers(OfferState[] offers, int count) {
    working = offers;
    workingSize = count;
  }

  int offerCount() {
    return workingSize;
  }

  OfferState offer(int i) {
    return working[i];
  }

  /** Returns the offers of the decision: the first {@link #offerCount()} slots of the array. */
  OfferState[] offers() {
    return working;
  }

  /** Returns how many tasks are planned. */
  int size() {
    return planSize;
  }

  JobRun job(int p) {
    return planJob[p];
  }

  int task(int p) {
    return planTask[p];
  }

  OfferState offerOf(int p) {
    return working[planOffer[p]];
  }

  /** Copies the planned task's request (thousandths) into {@code out} and returns it. */
  long[] milli(int p, long[] out) {
    System.arraycopy(planMilli, 4 * p, out, 0, 4);
    return out;
  }

  /** The gang job the offers should be held for (gang policy hold), or null. */
  JobRun holdFor() {
    return holdFor;
  }

  /** Whether a gang could not start under gang policy decline. */
  boolean gangDeclined() {
    return gangDeclined;
  }

  /** Forgets the offers and the plan. */
  void clear() {
    working = NO_OFFERS;
    Arrays.fill(planJob, 0, planSize, null);
    workingSize = 0;
    planSize = 0;
    holdFor = null;
  }

  /** Places pending tasks of the queued jobs on the offers; returns how many jobs got tasks placed. */
  int plan(TreeSet<JobRun> queue, FrameworkSettings settings) {
    this.settings = settings;
    if (++stamp == 0) {
      stamp = 1;
    }
    planSize = 0;
    holdFor = null;
    gangDeclined = false;
    nextFit = 0;
    failedShapeCount = 0;
    int jobsPlaced = 0;
    int misses = 0;
    int limit = settings.maxPendingScan();
    for (Iterator<JobRun> it = queue.iterator(); it.hasNext() && misses < limit; ) {
      JobRun job = it.next();
      if (job.kind == JobKind.GANG) {
        if (planGang(job)) {
          jobsPlaced++;
          misses = 0;
        } else {
          misses++;
          if (settings.gangPolicy() == GangPolicy.HOLD) {
            holdFor = job;
            break;
          }
          gangDeclined = true;
        }
      } else {
        int before = planSize;
        misses = planElastic(job, misses, limit);
        if (planSize > before) {
          jobsPlaced++;
        }
      }
      if (job.pending() == 0) {
        it.remove();
      }
    }
    return jobsPlaced;
  }

  private int planElastic(JobRun job, int misses, int limit) {
    skippedSize = 0;
    int maxPer = settings.maxTasksPerOffer();
    while (misses < limit) {
      int task = job.pollPending();
      if (task < 0) {
        break;
      }
      request(job, task);
      int offer = knownToFail() ? -1 : findOffer(maxPer);
      if (offer < 0) {
        rememberFailure();
        if (skippedSize == skipped.length) {
          skipped = Arrays.copyOf(skipped, skippedSize * 2);
        }
        skipped[skippedSize++] = task;
        misses++;
        continue;
      }
      addPlan(job, task, offer);
      misses = 0;
    }
    for (int i = skippedSize - 1; i >= 0; i--) {
      job.pushFront(skipped[i]);
    }
    return misses;
  }

  private boolean planGang(JobRun job) {
    int before = planSize;
    gangTaken.clear();
    for (int task = job.pollPending(); task >= 0; task = job.pollPending()) {
      gangTaken.add(task);
    }
    boolean ok = true;
    for (int task : gangTaken) {
      request(job, task);
      int offer = findOffer(settings.maxTasksPerOffer());
      if (offer < 0) {
        ok = false;
        break;
      }
      addPlan(job, task, offer);
    }
    if (!ok) {
      while (planSize > before) {
        planSize--;
        int p = planSize;
        working[planOffer[p]].take(planMilli[4 * p], planMilli[4 * p + 1], planMilli[4 * p + 2],
            planMilli[4 * p + 3], -1);
      }
      for (int i = gangTaken.size() - 1; i >= 0; i--) {
        job.pushFront(gangTaken.get(i));
      }
    }
    return ok;
  }

  private void request(JobRun job, int task) {
    ResourceShape shape = job.spec(task).request();
    milli[0] = Milli.of(shape.cpus());
    milli[1] = Milli.of(shape.memMb());
    milli[2] = Milli.of(shape.diskMb());
    milli[3] = Milli.of(shape.gpus());
    slots.round(milli);
  }

  private int findOffer(int maxPer) {
    for (int k = 0; k < workingSize; k++) {
      int o = nextFit + k;
      if (o >= workingSize) {
        o -= workingSize;
      }
      OfferState offer = working[o];
      offer.planFor(stamp);
      if ((maxPer == 0 || offer.planned() < maxPer) && offer.fits(milli[0], milli[1], milli[2], milli[3])) {
        nextFit = o;
        return o;
      }
    }
    return -1;
  }

  private boolean knownToFail() {
    for (int i = 0; i < failedShapeCount; i++) {
      long[] f = failedShapes[i];
      if (milli[0] >= f[0] && milli[1] >= f[1] && milli[2] >= f[2] && milli[3] >= f[3]) {
        return true;
      }
    }
    return false;
  }

  private void rememberFailure() {
    if (failedShapeCount < MAX_FAILED_SHAPES && !knownToFail()) {
      System.arraycopy(milli, 0, failedShapes[failedShapeCount++], 0, 4);
    }
  }

  private void addPlan(JobRun job, int task, int offer) {
    if (planSize == planJob.length) {
      int size = planSize * 2;
      planJob = Arrays.copyOf(planJob, size);
      planTask = Arrays.copyOf(planTask, size);
      planOffer = Arrays.copyOf(planOffer, size);
      planMilli = Arrays.copyOf(planMilli, 4 * size);
    }
    planJob[planSize] = job;
    planTask[planSize] = task;
    planOffer[planSize] = offer;
    System.arraycopy(milli, 0, planMilli, 4 * planSize, 4);
    working[offer].take(milli[0], milli[1], milli[2], milli[3], 1);
    planSize++;
  }

  /** Whether the offer alone could host one of the job's tasks (offers that cannot are not worth holding). */
  static boolean hostsATaskOf(OfferState offer, JobRun job, SlotRounding slots) {
    long[] request = new long[4];
    for (var spec : job.specs()) {
      ResourceShape r = spec.request();
      request[0] = Milli.of(r.cpus());
      request[1] = Milli.of(r.memMb());
      request[2] = Milli.of(r.diskMb());
      request[3] = Milli.of(r.gpus());
      slots.round(request);
      if (request[0] <= offer.cpus && request[1] <= offer.mem && request[2] <= offer.disk
          && request[3] <= offer.gpus) {
        return true;
      }
    }
    return false;
  }

}
