package io.offerlab.workloads.alibaba;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.WorkloadException;
import io.offerlab.workloads.reader.LineReader;
import io.offerlab.workloads.reader.LineSource;
import io.offerlab.workloads.reader.Options;
import io.offerlab.workloads.reader.Row;
import io.offerlab.workloads.reader.TraceInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the Alibaba cluster-trace-gpu-v2023 "openb" pod list (Weng et al., "Beware of Fragmentation: Scheduling
 * GPU-Sharing Workloads with Fragmentation Gradient Descent", USENIX ATC 2023) and its node list.
 *
 * <p>Each pod becomes a SERVICE job of one task: {@code cpu_milli / 1000} CPUs, {@code memory_mib} MB, and
 * {@code gpu_milli / 1000} of one GPU when {@code num_gpu} is 1 (a shared GPU), else {@code num_gpu} GPUs. It arrives
 * at {@code creation_time} and runs from {@code scheduled_time} to {@code deletion_time}; a pod never scheduled
 * (still pending when deleted) runs from creation to deletion, or is dropped with
 * {@code alibaba-gpu2023.pending=drop}. The QoS class is the framework and gives the priority (Guaranteed 3, LS 2,
 * Burstable 1, BE 0, other 0). The node list is the cluster hint. Left out: GPU models ({@code gpu_spec}
 * constraints).
 */
public final class AlibabaGpuReader extends LineReader {
  private static final String DEFAULT_PODS = "openb_pod_list_default.csv";
  private static final String DEFAULT_NODES = "openb_node_list_all_node.csv";

  private final boolean keepPending;
  private final LineSource src;
  private final Row row;
  private final Optional<List<AgentGroup>> hint;
  private final long nodes;
  private long lastCreation;
  private String qos;
  private String phase;
  private String gpuClass;
  private String gpuSpec;
  private long droppedPending;

  /** Opens a directory holding a pod list (and a node list), or a pod list file. */
  public AlibabaGpuReader(String location, Options options) {
    super(options);
    keepPending = options.choice("alibaba-gpu2023.pending", "keep", "keep", "drop").equals("keep");
    String podsName = options.string("alibaba-gpu2023.pods", null);
    String nodesName = options.string("alibaba-gpu2023.nodes", null);
    Path path = TraceInput.existing("alibaba-gpu2023", location);
    Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    Path pods;
    if (podsName != null) {
      pods = TraceInput.requireFile("alibaba-gpu2023", TraceInput.existing("alibaba-gpu2023",
          dir.resolve(podsName).toString()));
    } else if (Files.isDirectory(path)) {
      pods = dir.resolve(DEFAULT_PODS);
      if (!Files.isRegularFile(pods)) {
        List<Path> lists = TraceInput.list(dir, n -> n.startsWith("openb_pod_list"));
        if (lists.size() != 1) {
          throw new WorkloadException("alibaba-gpu2023: expected " + DEFAULT_PODS + " or a single openb_pod_list*"
              + " file in " + location + ", found " + lists.size() + " (choose one with alibaba-gpu2023.pods)");
        }
        pods = lists.get(0);
      }
    } else {
      pods = path;
    }
    Path nodeFile = nodesName != null
        ? TraceInput.requireFile("alibaba-gpu2023", TraceInput.existing("alibaba-gpu2023",
            dir.resolve(nodesName).toString()))
        : dir.resolve(DEFAULT_NODES);
    hint = Files.isRegularFile(nodeFile)
        ? Optional.of(NodeList.read(nodeFile, badRows))
        : Optional.empty();
    nodes = hint.map(groups -> groups.stream().mapToLong(AgentGroup::count).sum()).orElse(0L);
    src = new LineSource(pods);
    row = Row.separatedBy(src, ',');
    try {
      Header.require(src, PodColumn.headerLine(), "the pod list header");
      firstLine("a pod row");
    } catch (RuntimeException e) {
      src.close();
      throw e;
    }
  }

  @Override
  protected Job parse() {
    row.split();
    row.requireFields(PodColumn.COUNT);
    if (row.isEmpty(PodColumn.NAME)) {
      throw row.error(PodColumn.NAME, "a pod name");
    }
    double cpus = row.parseNonNegative(PodColumn.CPU_MILLI) / 1000;
    double mem = row.parseNonNegative(PodColumn.MEMORY_MIB);
    long numGpu = row.parseLong(PodColumn.NUM_GPU, 0, 1024);
    long gpuMilli = row.isEmpty(PodColumn.GPU_MILLI) ? 0 : row.parseLong(PodColumn.GPU_MILLI, 0, 1000);
    long creation = seconds(PodColumn.CREATION_TIME);
    if (creation < lastCreation) {
      throw row.error(PodColumn.CREATION_TIME, "a creation time of at least " + lastCreation / 1_000_000
          + " (rows are sorted by creation)");
    }
    boolean scheduled = !row.isEmpty(PodColumn.SCHEDULED_TIME);
    long start = scheduled ? seconds(PodColumn.SCHEDULED_TIME) : creation;
    if (start < creation) {
      throw row.error(PodColumn.SCHEDULED_TIME, "a time of at least the creation time");
    }
    long duration;
    if (row.isEmpty(PodColumn.DELETION_TIME)) {
      duration = TaskSpec.UNBOUNDED;
    } else {
      long deletion = seconds(PodColumn.DELETION_TIME);
      if (deletion < start) {
        throw row.error(PodColumn.DELETION_TIME, "a time of at least the " + (scheduled ? "scheduled" : "creation")
            + " time");
      }
      duration = deletion - start;
    }
    String qosText = row.text(PodColumn.QOS);
    lastCreation = creation;
    qos = qosText.isEmpty() ? "unknown" : qosText;
    phase = row.isEmpty(PodColumn.POD_PHASE) ? "unknown" : row.text(PodColumn.POD_PHASE);
    gpuSpec = row.isEmpty(PodColumn.GPU_SPEC) ? "any" : row.text(PodColumn.GPU_SPEC);
    double gpus = numGpu == 1 && gpuMilli > 0 ? gpuMilli / 1000.0 : numGpu;
    gpuClass = numGpu == 0 ? "gpu-none" : numGpu == 1 && gpuMilli < 1000 ? "gpu-shared" : "gpu-" + numGpu;
    if (!scheduled && !keepPending) {
      droppedPending++;
      return null;
    }
    TaskSpec task = TaskSpec.of(new ResourceShape(cpus, mem, 0, gpus), duration);
    return new Job(row.text(PodColumn.NAME), qos, qos, priority(qos), creation, JobKind.SERVICE, List.of(task));
  }

  private long seconds(PodColumn c) {
    long s = row.parseLong(c);
    if (s < 0 || s > 1_000_000_000_000L) {
      throw row.error(c, "a time in seconds from 0 to 1e12");
    }
    return s * 1_000_000L;
  }

  private static int priority(String qos) {
    return switch (qos) {
      case "Guaranteed" -> 3;
      case "LS" -> 2;
      case "Burstable" -> 1;
      default -> 0;
    };
  }

  @Override
  public List<String> attributeKeys() {
    return List.of("qos", "phase", "gpu", "gpuSpec");
  }

  @Override
  public String attribute(String key) {
    return switch (key) {
      case "qos" -> qos;
      case "phase" -> phase;
      case "gpu" -> gpuClass;
      case "gpuSpec" -> gpuSpec;
      default -> throw new IllegalArgumentException("alibaba-gpu2023 has no attribute " + key);
    };
  }

  @Override
  public Optional<List<AgentGroup>> clusterHint() {
    return hint;
  }

  @Override
  protected Map<String, Long> counters() {
    Map<String, Long> m = new TreeMap<>();
    m.put("alibaba-gpu2023.podRows", rows);
    m.put("alibaba-gpu2023.podsEmitted", emitted());
    m.put("alibaba-gpu2023.droppedPending", droppedPending);
    m.put("alibaba-gpu2023.nodes", nodes);
    return m;
  }

  @Override
  protected LineSource lines() {
    return src;
  }
}
