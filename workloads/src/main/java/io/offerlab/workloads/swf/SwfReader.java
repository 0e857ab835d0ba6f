package io.offerlab.workloads.swf;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.reader.LineReader;
import io.offerlab.workloads.reader.LineSource;
import io.offerlab.workloads.reader.Options;
import io.offerlab.workloads.reader.Row;
import io.offerlab.workloads.reader.TraceInput;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a Standard Workload Format log (Parallel Workloads Archive; Feitelson, Tsafrir and Krakov, JPDC 2014).
 *
 * <p>Each job line becomes a GANG job (a rigid parallel job) of one task per processor: 1 CPU and the requested
 * memory per processor (field 10), else the used memory (field 7), else {@code swf.memMbPerProc}. Processors are the
 * allocated ones (field 5), else the requested ones (field 8). The run time is field 4; the arrival is the submit
 * time (field 2). Failed (status 0) and cancelled (status 5) jobs are kept or dropped by {@code swf.failed} and
 * {@code swf.cancelled}; a job with an unknown run time or processor count never ran and is dropped. The header's
 * {@code MaxNodes} and {@code MaxProcs} give the cluster hint. Left out: wait times (the simulator decides them),
 * think times and job dependencies.
 */
public final class SwfReader extends LineReader {
  private static final long MAX_SECONDS = 1_000_000_000_000L;

  private final double defaultMemMb;
  private final boolean keepFailed;
  private final boolean keepCancelled;
  private final LineSource src;
  private final Row row;
  private final Optional<List<AgentGroup>> hint;
  private long lastSubmit;
  private final long[] attrs = new long[5];
  private long dropped;
  private long droppedFailed;
  private long droppedCancelled;

  /** Opens an SWF file (plain, gzip or zip) and reads its header comments. */
  public SwfReader(String location, Options options) {
    super(options);
    defaultMemMb = options.positiveDouble("swf.memMbPerProc", 1024);
    keepFailed = options.choice("swf.failed", "keep", "keep", "drop").equals("keep");
    keepCancelled = options.choice("swf.cancelled", "keep", "keep", "drop").equals("keep");
    src = new LineSource(TraceInput.requireFile("swf", TraceInput.existing("swf", location)));
    row = Row.whitespace(src);
    try {
      hint = readHeader();
    } catch (RuntimeException e) {
      src.close();
      throw e;
    }
  }

  /** Reads the leading {@code ;} comments up to the first job line, which is kept for {@link #next()}. */
  private Optional<List<AgentGroup>> readHeader() {
    long maxNodes = -1;
    long maxProcs = -1;
    boolean jobLine = false;
    while (src.next()) {
      if (src.blank()) {
        continue;
      }
      if (!src.startsWith(';')) {
        jobLine = true;
        break;
      }
      String text = src.text().strip().substring(1).strip();
      int colon = text.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = text.substring(0, colon).strip();
      if (key.equals("MaxNodes")) {
        maxNodes = headerNumber(text.substring(colon + 1), key);
      } else if (key.equals("MaxProcs")) {
        maxProcs = headerNumber(text.substring(colon + 1), key);
      }
    }
    if (!jobLine) {
      throw src.emptyError("an SWF job line");
    }
    keepLine();
    long nodes = maxNodes > 0 ? maxNodes : maxProcs;
    if (nodes <= 0) {
      return Optional.empty();
    }
    double perNode = maxProcs > 0 && maxNodes > 0 ? (double) maxProcs / maxNodes : 1;
    return Optional.of(List.of(new AgentGroup((int) Math.min(nodes, Integer.MAX_VALUE),
        ResourceShape.of(perNode, perNode * defaultMemMb))));
  }

  private long headerNumber(String value, String key) {
    String v = value.strip().split("\\s+")[0];
    try {
      long n = Long.parseLong(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw src.error("a positive integer after " + key + ":", value.strip());
  }

  @Override
  protected boolean skipped() {
    return src.blank() || src.startsWith(';');
  }

  @Override
  protected Job parse() {
    row.split();
    row.requireFields(SwfField.COUNT);
    long id = row.parseLong(SwfField.JOB_NUMBER);
    long submit = row.parseLong(SwfField.SUBMIT_TIME);
    if (submit < 0 || submit > MAX_SECONDS) {
      throw row.error(SwfField.SUBMIT_TIME, "a submit time from 0 to " + MAX_SECONDS + " s");
    }
    if (submit < lastSubmit) {
      throw row.error(SwfField.SUBMIT_TIME, "a submit time of at least " + lastSubmit + " (lines are sorted)");
    }
    long run = row.parseLong(SwfField.RUN_TIME);
    if (run > MAX_SECONDS) {
      throw row.error(SwfField.RUN_TIME, "a run time of at most " + MAX_SECONDS + " s");
    }
    long allocated = row.parseLong(SwfField.ALLOCATED_PROCESSORS);
    long requested = row.parseLong(SwfField.REQUESTED_PROCESSORS);
    double usedMem = row.parseDouble(SwfField.USED_MEMORY);
    double requestedMem = row.parseDouble(SwfField.REQUESTED_MEMORY);
    long status = row.parseLong(SwfField.STATUS);
    if (status < -1 || status > 5) {
      throw row.error(SwfField.STATUS, "a status from -1 to 5");
    }
    for (SwfField f : new SwfField[] {SwfField.USER_ID, SwfField.GROUP_ID, SwfField.EXECUTABLE, SwfField.QUEUE,
        SwfField.PARTITION}) {
      attrs[f.ordinal() - SwfField.USER_ID.ordinal()] = row.parseLong(f);
    }
    lastSubmit = submit;
    if (status == 0 && !keepFailed) {
      droppedFailed++;
      return null;
    }
    if (status == 5 && !keepCancelled) {
      droppedCancelled++;
      return null;
    }
    long procs = allocated > 0 ? allocated : requested;
    if (run < 0 || procs <= 0) {
      dropped++;
      return null;
    }
    if (procs > 10_000_000) {
      throw row.error(allocated > 0 ? SwfField.ALLOCATED_PROCESSORS : SwfField.REQUESTED_PROCESSORS,
          "at most 10000000 processors");
    }
    double memKb = requestedMem > 0 ? requestedMem : usedMem > 0 ? usedMem : -1;
    double memMb = memKb > 0 ? memKb / 1024 : defaultMemMb;
    TaskSpec task = TaskSpec.of(ResourceShape.of(1, memMb), run * 1_000_000L);
    String jobId = status >= 2 && status <= 4 ? id + "-line" + src.lineNumber() : Long.toString(id);
    return new Job(jobId, "swf", "swf", 0, submit * 1_000_000L, JobKind.GANG,
        Collections.nCopies((int) procs, task));
  }

  @Override
  public List<String> attributeKeys() {
    return List.of("user", "group", "executable", "queue", "partition");
  }

  @Override
  public String attribute(String key) {
    int i = attributeKeys().indexOf(key);
    if (i < 0) {
      throw new IllegalArgumentException("swf has no attribute " + key);
    }
    long v = attrs[i];
    return key + "-" + (v < 0 ? "unknown" : Long.toString(v));
  }

  @Override
  public Optional<List<AgentGroup>> clusterHint() {
    return hint;
  }

  @Override
  protected Map<String, Long> counters() {
    Map<String, Long> m = new TreeMap<>();
    m.put("swf.jobLines", rows);
    m.put("swf.jobsEmitted", emitted());
    m.put("swf.droppedNeverRan", dropped);
    m.put("swf.droppedFailed", droppedFailed);
    m.put("swf.droppedCancelled", droppedCancelled);
    return m;
  }

  @Override
  protected LineSource lines() {
    return src;
  }
}
