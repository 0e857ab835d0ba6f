package io.offerlab.workloads.google2011;

/** The parsed fields of one task_events row (reused from row to row). */
final class TaskEvent {
  long job;
  int index;
  int type;
  int schedulingClass;
  int priority;
  /** Normalized requests; NaN when the field is empty. */
  double cpu;
  double mem;
  double disk;
}
