package io.offerlab.workloads.synthetic;

import io.offerlab.workloads.Job;
import java.util.List;
import java.util.PriorityQueue;

/** Merges the job sources into one stream by arrival time; ties go to the source listed first. */
final class Merge {
  private record Head(Job job, int source) {}

  private final List<JobSource> sources;
  private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
    int c = Long.compare(a.job().arrivalMicros(), b.job().arrivalMicros());
    return c != 0 ? c : Integer.compare(a.source(), b.source());
  });

  Merge(List<JobSource> sources) {
    this.sources = List.copyOf(sources);
    for (int i = 0; i < this.sources.size(); i++) {
      pull(i);
    }
  }

  private void pull(int i) {
    Job j = sources.get(i).next();
    if (j != null) {
      heads.add(new Head(j, i));
    }
  }

  /** Returns the next job overall, or null when every source is done. */
  Job next() {
    Head h = heads.poll();
    if (h == null) {
      return null;
    }
    pull(h.source());
    return h.job();
  }
}
