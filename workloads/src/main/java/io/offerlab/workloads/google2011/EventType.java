package io.offerlab.workloads.google2011;

/** The event types of task and job events, by their code in the trace. */
final class EventType {
  static final int SUBMIT = 0;
  static final int SCHEDULE = 1;
  static final int EVICT = 2;
  static final int FAIL = 3;
  static final int FINISH = 4;
  static final int KILL = 5;
  static final int LOST = 6;
  static final int UPDATE_PENDING = 7;
  static final int UPDATE_RUNNING = 8;

  private EventType() {}

  /** Returns whether the event ends a task or job (EVICT, FAIL, FINISH, KILL, LOST). */
  static boolean terminal(int type) {
    return type >= EVICT && type <= LOST;
  }
}
