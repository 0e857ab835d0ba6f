package io.offerlab.workloads.jsonl;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.UsagePoint;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Writes jobs in the native JSON-lines format: the cluster line when there is a hint, then one job per line; runs of
 * equal tasks are written once with a {@code count}. Numbers are written in their shortest exact decimal form, so
 * reading the file back gives equal jobs.
 */
public final class NativeWriter implements AutoCloseable {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator gen;
  private final OutputStream out;

  /** Writes to {@code out}, which {@link #close()} closes. */
  public NativeWriter(OutputStream out) throws IOException {
    this.out = out;
    this.gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    gen.setRootValueSeparator(null);
  }

  /** Writes the cluster line; call before any job. */
  public void cluster(Optional<List<AgentGroup>> hint) throws IOException {
    if (hint.isEmpty()) {
      return;
    }
    gen.writeStartObject();
    gen.writeArrayFieldStart("cluster");
    for (AgentGroup g : hint.get()) {
      gen.writeStartObject();
      gen.writeNumberField("count", g.count());
      shape(g.shape());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
    newline();
  }

  /** Writes one job line. */
  public void job(Job job) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("id", job.id());
    gen.writeStringField("framework", job.framework());
    gen.writeStringField("role", job.role());
    gen.writeNumberField("priority", job.priority());
    gen.writeFieldName("arrival");
    gen.writeNumber(NativeReader.seconds(job.arrivalMicros()));
    gen.writeStringField("kind", job.kind().label());
    gen.writeArrayFieldStart("tasks");
    List<TaskSpec> tasks = job.tasks();
    int i = 0;
    while (i < tasks.size()) {
      TaskSpec t = tasks.get(i);
      int j = i + 1;
      while (j < tasks.size() && (tasks.get(j) == t || tasks.get(j).equals(t))) {
        j++;
      }
      task(t, j - i);
      i = j;
    }
    gen.writeEndArray();
    if (job.chained()) {
      gen.writeFieldName("afterPrevious");
      gen.writeNumber(NativeReader.seconds(job.afterPreviousMicros()));
    }
    if (!job.stages().isEmpty()) {
      gen.writeArrayFieldStart("stages");
      for (int size : job.stages()) {
        gen.writeNumber(size);
      }
      gen.writeEndArray();
    }
    gen.writeEndObject();
    newline();
  }

  private void task(TaskSpec t, int count) throws IOException {
    gen.writeStartObject();
    if (count != 1) {
      gen.writeNumberField("count", count);
    }
    shape(t.request());
    gen.writeFieldName("duration");
    if (t.unbounded()) {
      gen.writeString(NativeField.UNBOUNDED);
    } else {
      gen.writeNumber(NativeReader.seconds(t.durationMicros()));
    }
    if (!t.usage().isEmpty()) {
      gen.writeArrayFieldStart("usage");
      for (UsagePoint p : t.usage()) {
        gen.writeStartObject();
        gen.writeFieldName("offset");
        gen.writeNumber(NativeReader.seconds(p.offsetMicros()));
        number("cpus", p.cpus());
        number("memMb", p.memMb());
        gen.writeEndObject();
      }
      gen.writeEndArray();
    }
    gen.writeEndObject();
  }

  private void shape(ResourceShape s) throws IOException {
    number("cpus", s.cpus());
    number("memMb", s.memMb());
    if (s.diskMb() != 0) {
      number("diskMb", s.diskMb());
    }
    if (s.gpus() != 0) {
      number("gpus", s.gpus());
    }
  }

  private void number(String field, double value) throws IOException {
    gen.writeFieldName(field);
    gen.writeNumber(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
  }

  private void newline() throws IOException {
    gen.writeRaw('\n');
  }

  @Override
  public void close() throws IOException {
    gen.close();
    out.close();
  }
}
