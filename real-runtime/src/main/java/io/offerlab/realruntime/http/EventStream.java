package io.offerlab.realruntime.http;

import io.offerlab.realruntime.wire.RecordIo;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One open chunked response that carries RecordIO records, one record per HTTP chunk (ARCHITECTURE.md 7.1). Jetty
 * allows one pending write per response, so records wait in this stream's own queue and each write's completion
 * starts the next; no thread waits. A failed write means the client went away: the stream closes and
 * {@code onClose} runs once.
 */
public final class EventStream {
  private final Response response;
  private final Callback done;
  private final Runnable onClose;
  private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
  private boolean writing;
  private boolean closed;
  private boolean finished;
  private boolean closeRan;

  /** Wrap a response whose status and headers are set; {@code done} completes the exchange when the stream closes. */
  public EventStream(Response response, Callback done, Runnable onClose) {
    this.response = response;
    this.done = done;
    this.onClose = onClose;
  }

  /** Queue one record; returns false when the stream is already closed. */
  public boolean send(String json) {
    ByteBuffer record = ByteBuffer.wrap(RecordIo.frame(json));
    synchronized (this) {
      if (closed) {
        return false;
      }
      queue.add(record);
      if (writing) {
        return true;
      }
      writing = true;
    }
    writeNext();
    return true;
  }

  private void writeNext() {
    ByteBuffer next;
    boolean finish = false;
    synchronized (this) {
      next = closed ? null : queue.poll();
      if (next == null) {
        writing = false;
        finish = closed && !finished;
        finished |= finish;
      }
    }
    if (finish) {
      response.write(true, ByteBuffer.allocate(0), done);
    } else if (next != null) {
      response.write(false, next, Callback.from(this::writeNext, this::failed));
    }
  }

  private void failed(Throwable cause) {
    boolean first;
    synchronized (this) {
      first = !finished;
      closed = true;
      finished = true;
      writing = false;
      queue.clear();
    }
    if (first) {
      done.failed(cause);
      runOnClose();
    }
  }

  /** Return whether the stream is still open. */
  public synchronized boolean open() {
    return !closed;
  }

  /** End the stream: the last chunk is written (after a pending write) and the exchange completes. */
  public void close() {
    boolean finishNow;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queue.clear();
      finishNow = !writing;
      if (finishNow) {
        finished = true;
      }
    }
    if (finishNow) {
      response.write(true, ByteBuffer.allocate(0), done);
    }
    runOnClose();
  }

  private void runOnClose() {
    synchronized (this) {
      if (closeRan) {
        return;
      }
      closeRan = true;
    }
    onClose.run();
  }
}
