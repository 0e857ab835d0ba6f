package io.offerlab.simcore.engine;

import java.util.Arrays;
import java.util.Locale;

/**
 * A discrete-event engine with a virtual clock: a {@code long} count of microseconds that starts at 0 and only moves
 * forward. Its ordering is exact, as in SSJ's {@code Simulator}: by time, then by {@link Event#priority() priority},
 * then by insertion sequence, so equal-time events never depend on hashing or wall time.
 *
 * <p>The queue is a 4-ary min-heap in one {@code long} array: each entry is two longs side by side, the time and a
 * packed key (priority, sequence number, handle), so a sift compares and moves 16 bytes per entry and touches no
 * other array and no event object. The handle indexes the reusable {@link Event}s; an event remembers the key of its
 * live entry. Cancelling or moving an event is lazy: its old entry stays in the heap and is recognised as stale when
 * it reaches the top, because its key is no longer the key its event (if any) holds (sequence numbers are never
 * reused). When stale entries outnumber live ones the heap is rebuilt from the live ones. Handles of events that are
 * not waiting are recycled, so the engine holds no event longer than it is scheduled (an event keeps its handle while
 * it fires, so that rescheduling itself, the usual case, costs no trip through the free list). The sequence and handle fields
 * share 56 bits; when either runs out, the live entries are renumbered by rank, which keeps their order. Scheduling,
 * cancelling and moving an event cost O(log n) amortised, and the loop allocates nothing per event. Scheduling in the
 * past and scheduling an already scheduled event are refused with exceptions. Unlike SSJ there is no static
 * simulator: each engine is an independent object.
 */
public final class Engine {
  static final int SEQ_BITS = 56;
  private static final long SEQ_AND_HANDLE = (1L << SEQ_BITS) - 1;
  private static final int MIN_HANDLE_BITS = 8;
  private static final int MAX_HANDLE_BITS = 30;
  /**
   * Where entry 0 starts in {@link #heap}: two unused entries first, so that in an array that starts on a cache line
   * (a large array does: it gets a region of its own) the four children of an entry, 64 bytes, fill exactly one line.
   */
  private static final int BASE = 4;

  /** Heap entries, two longs per entry: the time, then the key (priority, sequence, handle). */
  private long[] heap = new long[BASE + (2 << MIN_HANDLE_BITS)];
  /** Per handle: the scheduled event, or null when the handle is free. */
  private Event[] events = new Event[1 << MIN_HANDLE_BITS];
  private int[] freeHandles = new int[1 << MIN_HANDLE_BITS];
  private int freeCount;
  private int handleCount;
  /**
   * The handle of the event firing now, kept for it while it fires: an event that schedules itself again from
   * {@link Event#fire()} (the usual case) gets it back without touching the free list; -1 once reused or released.
   */
  private int firingHandle = -1;
  private Event firing;
  /** Low bits of a key that hold the handle; the sequence sits above them. */
  private int handleBits = MIN_HANDLE_BITS;
  private long handleMask = (1L << MIN_HANDLE_BITS) - 1;
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
    return size == 0 ? Long.MAX_VALUE : heap[BASE];
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
          "event %s is already scheduled at %d us; cancel or reschedule it", event, event.time));
    }
    checkTime(event, time);
    int handle = allocateHandle(event);
    push(event, time, handle);
    size++;
  }

  private void push(Event event, long time, int handle) {
    if (nextSeq > (SEQ_AND_HANDLE >>> handleBits)) {
      renumber(handleBits);
    }
    long key = event.priorityBits | (nextSeq++ << handleBits) | handle;
    if (BASE + 2 * heapSize == heap.length) {
      heap = Arrays.copyOf(heap, BASE + 4 * heapSize);
    }
    event.key = key;
    event.time = time;
    siftUp(heapSize++, time, key);
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
    push(event, time, handle); // the old entry is now stale
    compactIfMostlyStale();
  }

  /** Removes {@code event} from the queue; returns whether it was waiting. */
  public boolean cancel(Event event) {
    int handle = event.handle;
    if (handle < 0 || event.engine != this) {
      return false;
    }
    releaseHandle(event, handle); // its entry is now stale
    size--;
    compactIfMostlyStale();
    return true;
  }

  /** Fires the next event, advancing the clock to its time; returns false when the queue is empty. */
  public boolean step() {
    while (size > 0) {
      long key = heap[BASE + 1];
      int handle = (int) (key & handleMask);
      Event event = events[handle];
      long time = heap[BASE];
      removeTop();
      if (event != null && event.key == key) {
        now = time;
        event.handle = -1;
        event.key = -1;
        size--;
        processed++;
        firing = event;
        firingHandle = handle;
        try {
          event.fire();
        } finally {
          if (firingHandle >= 0) {
            events[firingHandle] = null;
            freeHandles[freeCount++] = firingHandle;
            firingHandle = -1;
          }
          firing = null;
        }
        return true;
      }
    }
    heapSize = 0; // only stale entries were left
    return false;
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

  private int allocateHandle(Event event) {
    int handle;
    if (event == firing && firingHandle >= 0) {
      handle = firingHandle; // events[handle] still holds it
      firingHandle = -1;
      event.handle = handle;
      event.engine = this;
      return handle;
    }
    if (freeCount > 0) {
      handle = freeHandles[--freeCount];
    } else {
      if (handleCount == events.length) {
        growHandles();
      }
      handle = handleCount++;
    }
    events[handle] = event;
    event.handle = handle;
    event.engine = this;
    return handle;
  }

  /** Doubles the handle space; the keys get one more handle bit, so the live entries are renumbered. */
  private void growHandles() {
    if (handleBits == MAX_HANDLE_BITS) {
      throw new IllegalStateException("more than " + (1 << MAX_HANDLE_BITS) + " events scheduled at once");
    }
    events = Arrays.copyOf(events, events.length * 2);
    freeHandles = Arrays.copyOf(freeHandles, freeHandles.length * 2);
    renumber(handleBits + 1);
  }

  private void releaseHandle(Event event, int handle) {
    event.handle = -1;
    event.key = -1;
    events[handle] = null;
    freeHandles[freeCount++] = handle;
  }

  private void checkTime(Event event, long time) {
    if (time < now) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cannot schedule %s in the past: %d us is before now (%d us)", event, time, now));
    }
  }

  /** Whether the heap entry at {@code slot} is stale: its event was cancelled or moved since. */
  private boolean isStale(int slot) {
    long key = heap[BASE + 2 * slot + 1];
    Event event = events[(int) (key & handleMask)];
    return event == null || event.key != key;
  }

  /** Pops stale entries off the top, so that the top is live or the heap is empty. */
  private void dropStaleTop() {
    if (size == 0) {
      heapSize = 0;
      return;
    }
    while (heapSize > size && isStale(0)) {
      removeTop();
    }
  }

  /** Rebuilds the heap from its live entries when stale ones outnumber them, so that memory stays O(live). */
  private void compactIfMostlyStale() {
    if (heapSize - size > Math.max(size, 64)) {
      compact();
    }
  }

  private void compact() {
    int n = 0;
    for (int slot = 0; slot < heapSize; slot++) {
      if (!isStale(slot)) {
        heap[BASE + 2 * n] = heap[BASE + 2 * slot];
        heap[BASE + 2 * n + 1] = heap[BASE + 2 * slot + 1];
        n++;
      }
    }
    heapSize = n;
    for (int slot = (n - 2) >>> 2; n > 1 && slot >= 0; slot--) {
      siftDown(slot, heap[BASE + 2 * slot], heap[BASE + 2 * slot + 1]);
    }
  }

  /**
   * Drops the stale entries and gives the live ones sequence numbers 0..n-1 in their old order, with
   * {@code newHandleBits} bits for the handle. The order of all entries stays as it was, so the heap stays valid.
   */
  private void renumber(int newHandleBits) {
    compact();
    int n = heapSize;
    long seqMask = SEQ_AND_HANDLE >>> handleBits;
    long[] seqs = new long[n];
    for (int slot = 0; slot < n; slot++) {
      seqs[slot] = (heap[BASE + 2 * slot + 1] >>> handleBits) & seqMask;
    }
    Arrays.sort(seqs);
    if (n > 0 && (long) n > (SEQ_AND_HANDLE >>> newHandleBits)) {
      throw new IllegalStateException("too many events scheduled at once: " + n);
    }
    long newMask = (1L << newHandleBits) - 1;
    for (int slot = 0; slot < n; slot++) {
      long key = heap[BASE + 2 * slot + 1];
      long rank = Arrays.binarySearch(seqs, (key >>> handleBits) & seqMask);
      int handle = (int) (key & handleMask);
      long newKey = (key & ~SEQ_AND_HANDLE) | (rank << newHandleBits) | handle;
      heap[BASE + 2 * slot + 1] = newKey;
      events[handle].key = newKey;
    }
    handleBits = newHandleBits;
    handleMask = newMask;
    nextSeq = n;
  }

  private void removeTop() {
    int last = --heapSize;
    if (last > 0) {
      siftDown(0, heap[BASE + 2 * last], heap[BASE + 2 * last + 1]);
    }
  }

  private static boolean before(long time, long key, long otherTime, long otherKey) {
    return time < otherTime || (time == otherTime && key < otherKey);
  }

  /** Moves the entry (time, key) up from {@code slot} in the 4-ary heap. */
  private void siftUp(int slot, long time, long key) {
    long[] h = heap;
    while (slot > 0) {
      int parent = (slot - 1) >>> 2;
      long parentTime = h[BASE + 2 * parent];
      long parentKey = h[BASE + 2 * parent + 1];
      if (!before(time, key, parentTime, parentKey)) {
        break;
      }
      h[BASE + 2 * slot] = parentTime;
      h[BASE + 2 * slot + 1] = parentKey;
      slot = parent;
    }
    h[BASE + 2 * slot] = time;
    h[BASE + 2 * slot + 1] = key;
  }

  /** Moves the entry (time, key) down from {@code slot} in the 4-ary heap. */
  private void siftDown(int slot, long time, long key) {
    long[] h = heap;
    int n = heapSize;
    while (true) {
      int first = 4 * slot + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long bestTime = h[BASE + 2 * first];
      long bestKey = h[BASE + 2 * first + 1];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        long t = h[BASE + 2 * c];
        long k = h[BASE + 2 * c + 1];
        if (before(t, k, bestTime, bestKey)) {
          best = c;
          bestTime = t;
          bestKey = k;
        }
      }
      if (!before(bestTime, bestKey, time, key)) {
        break;
      }
      h[BASE + 2 * slot] = bestTime;
      h[BASE + 2 * slot + 1] = bestKey;
      slot = best;
    }
    h[BASE + 2 * slot] = time;
    h[BASE + 2 * slot + 1] = key;
  }
}
