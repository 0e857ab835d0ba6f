package io.offerlab.simcore.engine;

/**
 * Something that happens at one instant of simulated time, after SSJ's {@code simevents.Event}. An event object is
 * reusable: once it has fired (or been cancelled) it may be scheduled again, so a model keeps one object per recurring
 * happening (a task's finish, a framework's decision) and the event loop allocates nothing.
 *
 * <p>Events at the same time run in order of their priority (smaller first, default 0), then in the order they were
 * scheduled. An event is scheduled at most once at a time: scheduling it again before it fires is an error
 * ({@link Engine#reschedule} moves it instead).
 */
public abstract class Event {
  /** The smallest priority an event may have. */
  public static final int MIN_PRIORITY = -64;
  /** The largest priority an event may have. */
  public static final int MAX_PRIORITY = 63;

  final long priorityBits;
  /** The engine's handle of this event while it is scheduled, or -1. */
  int handle = -1;
  Engine engine;
  /** The key of this event's live heap entry (priority, sequence, handle), or -1. */
  long key = -1;
  /** The time this event is scheduled for, while it is. */
  long time;

  /** Creates an event of priority 0. */
  protected Event() {
    this(0);
  }

  /** Creates an event that runs after events of smaller priority scheduled for the same time. */
  protected Event(int priority) {
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("event priority: expected " + MIN_PRIORITY + ".." + MAX_PRIORITY
          + ", found " + priority);
    }
    this.priorityBits = (long) (priority - MIN_PRIORITY) << Engine.SEQ_BITS;
  }

  /** Runs the event; the engine's clock already shows its time. */
  protected abstract void fire();

  /** Returns whether the event is waiting in an engine's queue. */
  public final boolean isScheduled() {
    return handle >= 0;
  }

  /** Returns the time the event is scheduled for; only meaningful while {@link #isScheduled()}. */
  public final long scheduledTime() {
    if (handle < 0) {
      throw new IllegalStateException("event is not scheduled: " + this);
    }
    return time;
  }

  /** Returns the event's priority. */
  public final int priority() {
    return (int) (priorityBits >>> Engine.SEQ_BITS) + MIN_PRIORITY;
  }
}
