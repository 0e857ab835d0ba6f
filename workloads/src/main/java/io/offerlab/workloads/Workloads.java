package io.offerlab.workloads;

import io.offerlab.workloads.reader.Options;
import io.offerlab.workloads.reader.TraceReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens workloads from {@code FORMAT:PATH} specs: {@code google2011:DIR_OR_FILE}, {@code swf:FILE},
 * {@code swim:FILE}, {@code alibaba-gpu2023:DIR}, {@code native:FILE.jsonl}, {@code synthetic:NAME}. Options are the
 * documented format options ({@code google2011.machineCpus=16}, ...) plus {@code skipBadRows}, {@code seed} and the
 * transform chain ({@code window}, {@code limit}, {@code rateScale}, {@code sample}, {@code frameworkBy},
 * {@code roleBy}); docs/workloads.md lists them all.
 */
public final class Workloads {
  private Workloads() {}

  /**
   * Opens {@code spec} with {@code options} (null means none). Fails with a one-line {@link WorkloadException} on an
   * unknown format, a missing file, an empty trace, an unknown option key or a bad option value.
   */
  public static Workload open(String spec, Map<String, String> options) {
    if (spec == null) {
      throw new WorkloadException("workload spec: expected FORMAT:PATH, found nothing");
    }
    int colon = spec.indexOf(':');
    if (colon <= 0) {
      throw new WorkloadException("workload spec '" + spec + "': expected FORMAT:PATH with FORMAT one of "
          + String.join(", ", formats()));
    }
    String name = spec.substring(0, colon);
    TraceFormat format = null;
    for (TraceFormat f : TraceFormat.values()) {
      if (f.id().equals(name)) {
        format = f;
      }
    }
    if (format == null) {
      throw new WorkloadException("unknown workload format '" + name + "' in '" + spec + "'; known formats: "
          + String.join(", ", formats()));
    }
    Options opts = new Options(options);
    TraceReader reader = format.open(spec.substring(colon + 1), opts);
    try {
      Pipeline pipeline = new Pipeline(spec, name, reader, opts);
      opts.rejectUnknown("format " + name);
      return pipeline;
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * Returns the simulation settings a workload suggests, as YAML over the config's defaults (a run's own config still
   * overrides them), or null. Only synthetic mixes suggest any (docs/workloads.md): {@code synthetic:drf-example}
   * launches one task per offer so that DRF re-sorts after each task, as the DRF paper's example does.
   */
  public static String suggestedConfig(String spec) {
    if (spec != null && spec.startsWith("synthetic:")) {
      return io.offerlab.workloads.synthetic.SyntheticReader.suggestedConfig(spec.substring("synthetic:".length()));
    }
    return null;
  }

  /** Returns the format names, in documentation order. */
  public static List<String> formats() {
    List<String> names = new ArrayList<>();
    for (TraceFormat f : TraceFormat.values()) {
      names.add(f.id());
    }
    return List.copyOf(names);
  }
}
