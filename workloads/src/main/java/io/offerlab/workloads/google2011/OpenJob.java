package io.offerlab.workloads.google2011;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one job from its first event until it is emitted. Tasks are kept by index in an array; an index far
 * beyond the tasks seen so far goes to a sorted map instead, so that one odd index cannot allocate a huge array.
 */
final class OpenJob {
  final long id;
  final long arrival;
  int priority = -1;
  int schedulingClass = -1;
  String user;
  /** A job_events row ended the job. */
  boolean ended;
  int running;
  int pending;
  int taskCount;
  private OpenTask[] tasks = new OpenTask[2];
  private TreeMap<Integer, OpenTask> sparse;

  OpenJob(long id, long arrival) {
    this.id = id;
    this.arrival = arrival;
  }

  OpenTask task(int index) {
    OpenTask t = index < tasks.length ? tasks[index] : null;
    if (t == null && sparse != null) {
      t = sparse.get(index);
    }
    return t;
  }

  OpenTask addTask(int index) {
    OpenTask t = new OpenTask();
    taskCount++;
    if (index >= tasks.length) {
      int limit = Math.max(1024, 4 * Math.max(taskCount, tasks.length));
      if (index >= limit) {
        if (sparse == null) {
          sparse = new TreeMap<>();
        }
        sparse.put(index, t);
        return t;
      }
      tasks = Arrays.copyOf(tasks, Math.max(index + 1, tasks.length * 2));
    }
    tasks[index] = t;
    return t;
  }

  /** Returns the tasks in index order. */
  List<OpenTask> tasksInOrder() {
    List<OpenTask> out = new ArrayList<>(taskCount);
    Iterator<Map.Entry<Integer, OpenTask>> it = sparse == null ? null : sparse.entrySet().iterator();
    Map.Entry<Integer, OpenTask> next = it != null && it.hasNext() ? it.next() : null;
    for (int i = 0; i < tasks.length; i++) {
      while (next != null && next.getKey() < i) {
        out.add(next.getValue());
        next = it.hasNext() ? it.next() : null;
      }
      if (tasks[i] != null) {
        out.add(tasks[i]);
      }
    }
    while (next != null) {
      out.add(next.getValue());
      next = it.hasNext() ? it.next() : null;
    }
    return out;
  }
}
