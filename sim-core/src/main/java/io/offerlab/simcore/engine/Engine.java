package io.offerlab.simcore.engine;

import java.util.Arrays;
import java.util.Locale;

/**
 * A discrete-event engine with a virtual clock: a {@code long} count of microseconds that starts at 0 and only moves
 * forward. Its ordering is exact, as in SSJ's {@code Simulator}: by time, then by {@link Event#priority() priority},
 * then by insertion sequence, so equal-time events never depend on hashing or wall time.
 *
 * <p>The queue is a 4-ary min-heap over primitive arrays: each entry holds the time and a packed priority+sequence key
 * side by side, and an int handle; the handle maps back to the reusable {@link Event}. Cancelling or moving an event
 * is lazy: its old entry stays in the heap and is recognised as stale when it reaches the top, because the handle's
 * live sequence number no longer matches the entry's (sequence numbers are never reused), so a sift moves only the
 * heap's own arrays. When stale entries outnumber live ones the heap is rebuilt from the live ones. Handles of events
 * that are not waiting are recycled, so the engine holds no event longer than it is scheduled. Scheduling, cancelling
 * and moving an event cost O(log n) amortised, and the loop allocates nothing per event. Scheduling in the past and
 * scheduling an already scheduled event are refused with exceptions. Unlike SSJ there is no static simulator: each
 * engine is an independent object.
 */
public final class Engine {
  static final int SEQ_BITS = 56;
  private static final long MAX_SEQ = (1L << SEQ_BITS) - 1;

  /** Heap entries, two longs per entry: the time, then the packed priority and sequence. */
  private long[] keys = new long[512];
  /** The handle of the event of each heap entry. */
  private int[] handles = new int[256];
  /** Per handle: the event, and the sequence and time of its live entry (sequence -1 when not scheduled). */
  private Event[] events = new Event[256];
  private long[] liveSeq = new long[256];
  private long[] liveTime = new long[256];
  private int[] freeHandles = new int[256];
  private int freeCount;
  private int handleCount;
  /** Entries in the heap, live and stale. */
  private int heapSize;
  /** Live entries: scheduled events. */
  private int size;
  private long nextSeq;
  private long now;
  private long processed;
  private boolean stopped;

  /** Returns the current simulated time in microseconds. */
  public long now() {
    return now;
  }

  /** Returns how many events have fired. */
  public long eventsProcessed() {
    return processed;
  }

  /** Returns how many events are waiting. */
  public int size() {
    return size;
  }

  /** Returns the time of the next event, or {@link Long#MAX_VALUE} when none is waiting. */
  public long peekTime() {
    dropStaleTop();
    return size == 0 ? Long.MAX_VALUE : keys[0];
  }

  /**
   * Schedules {@code event} at {@code time}.
   *
   * @throws IllegalArgumentException when {@code time} is before {@link #now()}
   * @throws IllegalStateException when the event is already scheduled
   */
  public void schedule(Event event, long time) {
    if (event.handle >= 0) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "event %s is already scheduled at %d us; cancel or reschedule it", event, event.engine.timeOf(event)));
    }
    checkTime(event, time);
    int handle = allocateHandle(event);
    push(time, event.priorityBits | sequence(), handle);
    size++;
  }

  private void push(long time, long key, int handle) {
    if (heapSize == handles.length) {
      handles = Arrays.copyOf(handles, heapSize * 2);
      keys = Arrays.copyOf(keys, heapSize * 4);
    }
    liveSeq[handle] = key & MAX_SEQ;
    liveTime[handle] = time;
    siftUp(heapSize++, time, key, handle);
  }

  /**
   * Moves {@code event} to {@code time}, scheduling it if it is not waiting. It then runs after every event already
   * scheduled for the same time and priority, as if it had just been scheduled.
   */
  public void reschedule(Event event, long time) {
    int handle = event.handle;
    if (handle < 0) {
      schedule(event, time);
      return;
    }
    if (event.engine != this) {
      throw new IllegalStateException("event " + event + " is scheduled in another engine");
    }
    checkTime(event, time);
    push(time, event.priorityBits | sequence(), handle); // the old entry is now stale
    compactIfMostlyStale();
  }

  /** Removes {@code event} from the queue; returns whether it was waiting. */
  public boolean cancel(Event event) {
    int handle = event.handle;
    if (handle < 0 || event.engine != this) {
      return false;
    }
    liveSeq[handle] = -1; // its entry is now stale
    releaseHandle(handle);
    size--;
    compactIfMostlyStale();
    return true;
  }

  /** Fires the next event, advancing the clock to its time; returns false when the queue is empty. */
  public boolean step() {
    dropStaleTop();
    if (size == 0) {
      return false;
    }
    int handle = handles[0];
    Event event = events[handle];
    now = keys[0];
    removeTop();
    liveSeq[handle] = -1;
    releaseHandle(handle);
    size--;
    processed++;
    event.fire();
    return true;
  }

  /** Fires events until the queue is empty or {@link #stop()} is called. */
  public void run() {
    stopped = false;
    while (!stopped && step()) {
      // fire
    }
  }

  /** Makes {@link #run()} return after the current event. */
  public void stop() {
    stopped = true;
  }

  /** Returns whether {@link #stop()} was called since the last run started. */
  public boolean isStopped() {
    return stopped;
  }

  long timeOf(Event event) {
    return liveTime[event.handle];
  }

  private int allocateHandle(Event event) {
    int handle;
    if (freeCount > 0) {
      handle = freeHandles[--freeCount];
    } else {
      if (handleCount == events.length) {
        events = Arrays.copyOf(events, handleCount * 2);
        liveSeq = Arrays.copyOf(liveSeq, handleCount * 2);
        liveTime = Arrays.copyOf(liveTime, handleCount * 2);
      }
      handle = handleCount++;
    }
    events[handle] = event;
    event.handle = handle;
    event.engine = this;
    return handle;
  }

  private void releaseHandle(int handle) {
    Event event = events[handle];
    event.handle = -1;
    events[handle] = null;
    if (freeCount == freeHandles.length) {
      freeHandles = Arrays.copyOf(freeHandles, freeCount * 2);
    }
    freeHandles[freeCount++] = handle;
  }

  private void checkTime(Event event, long time) {
    if (time < now) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cannot schedule %s in the past: %d us is before now (%d us)", event, time, now));
    }
  }

  private long sequence() {
    if (nextSeq == MAX_SEQ) {
      throw new IllegalStateException("event sequence exhausted after " + MAX_SEQ + " schedules");
    }
    return nextSeq++;
  }

  /** Whether the heap entry at {@code slot} is stale: its event was cancelled or moved since. */
  private boolean isStale(int slot) {
    return liveSeq[handles[slot]] != (keys[2 * slot + 1] & MAX_SEQ);
  }

  /** Pops stale entries off the top, so that the top is live or the heap is empty. */
  private void dropStaleTop() {
    while (heapSize > size && isStale(0)) {
      removeTop();
    }
  }

  /** Rebuilds the heap from its live entries when stale ones outnumber them, so that memory stays O(live). */
  private void compactIfMostlyStale() {
    if (heapSize - size <= Math.max(size, 64)) {
      return;
    }
    int n = 0;
    for (int slot = 0; slot < heapSize; slot++) {
      if (!isStale(slot)) {
        keys[2 * n] = keys[2 * slot];
        keys[2 * n + 1] = keys[2 * slot + 1];
        handles[n] = handles[slot];
        n++;
      }
    }
    heapSize = n;
    for (int slot = (n - 2) >>> 2; n > 1 && slot >= 0; slot--) {
      siftDown(slot, keys[2 * slot], keys[2 * slot + 1], handles[slot]);
    }
  }

  private void removeTop() {
    int last = --heapSize;
    if (last > 0) {
      siftDown(0, keys[2 * last], keys[2 * last + 1], handles[last]);
    }
  }

  private static boolean before(long time, long key, long otherTime, long otherKey) {
    return time < otherTime || (time == otherTime && key < otherKey);
  }

  private void place(int slot, long time, long key, int handle) {
    keys[2 * slot] = time;
    keys[2 * slot + 1] = key;
    handles[slot] = handle;
  }

  /** Moves the entry (time, key, handle) up from {@code slot} in the 4-ary heap. */
  private void siftUp(int slot, long time, long key, int handle) {
    while (slot > 0) {
      int parent = (slot - 1) >>> 2;
      long parentTime = keys[2 * parent];
      long parentKey = keys[2 * parent + 1];
      if (!before(time, key, parentTime, parentKey)) {
        break;
      }
      place(slot, parentTime, parentKey, handles[parent]);
      slot = parent;
    }
    place(slot, time, key, handle);
  }

  /** Moves the entry (time, key, handle) down from {@code slot} in the 4-ary heap. */
  private void siftDown(int slot, long time, long key, int handle) {
    while (true) {
      int first = 4 * slot + 1;
      if (first >= heapSize) {
        break;
      }
      int best = first;
      long bestTime = keys[2 * first];
      long bestKey = keys[2 * first + 1];
      int end = Math.min(first + 4, heapSize);
      for (int c = first + 1; c < end; c++) {
        long t = keys[2 * c];
        long k = keys[2 * c + 1];
        if (before(t, k, bestTime, bestKey)) {
          best = c;
          bestTime = t;
          bestKey = k;
        }
      }
      if (!before(bestTime, bestKey, time, key)) {
        break;
      }
      place(slot, bestTime, bestKey, handles[best]);
      slot = best;
    }
    place(slot, time, key, handle);
  }
}
