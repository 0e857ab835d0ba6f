package io.offerlab.realruntime.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;

/**
 * An agent's resources: parsed from Mesos' {@code --resources} text ({@code cpus:4;mem:4096;ports:[31000-32000]}) or
 * detected as Mesos' {@code Containerizer::resources} does: all CPUs; memory less 1 GB when the host has at least
 * 2 GB, otherwise half; the work dir's disk less 5 GB when it has at least 10 GB, otherwise half; ports 31000-32000.
 * Given resources override the detected ones of the same name. Roles and reservations are left out.
 */
public final class AgentResources {
  private static final long GB_MB = 1024;
  /** Mesos' default port range. */
  public static final String DEFAULT_PORTS = "[31000-32000]";

  private AgentResources() {
  }

  /** Parse {@code text} (may be null) and fill what it does not name by detection. */
  public static List<Resource> resolve(String text, Path workDir) throws IOException {
    Map<String, Resource> byName = new LinkedHashMap<>();
    long memMb = memoryTotalMb();
    byName.put("cpus", scalar("cpus", Runtime.getRuntime().availableProcessors()));
    byName.put("mem", scalar("mem", memMb >= 2 * GB_MB ? memMb - GB_MB : memMb / 2));
    Files.createDirectories(workDir);
    long diskMb = Files.getFileStore(workDir).getTotalSpace() / (1024 * 1024);
    byName.put("disk", scalar("disk", diskMb >= 10 * GB_MB ? diskMb - 5 * GB_MB : diskMb / 2));
    byName.put("ports", ranges("ports", DEFAULT_PORTS));
    if (text != null) {
      for (Resource r : parse(text)) {
        byName.put(r.getName(), r);
      }
    }
    return new ArrayList<>(byName.values());
  }

  /** Parse Mesos' {@code name:value;name:[a-b,c-d]} text; errors name the part at fault. */
  public static List<Resource> parse(String text) {
    var out = new ArrayList<Resource>();
    for (String part : text.split(";")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int colon = p.indexOf(':');
      if (colon <= 0) {
        throw bad(p, "name:value");
      }
      String name = p.substring(0, colon).trim();
      String value = p.substring(colon + 1).trim();
      if (name.contains("(")) {
        throw bad(p, "an unreserved resource (roles are not supported)");
      }
      out.add(value.startsWith("[") ? ranges(name, value) : scalar(name, parseScalar(p, value)));
    }
    return out;
  }

  private static double parseScalar(String part, String value) {
    try {
      double v = Double.parseDouble(value);
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw bad(part, "a finite number >= 0");
      }
      return v;
    } catch (NumberFormatException e) {
      throw bad(part, "a number or [begin-end,...] ranges");
    }
  }

  static Resource scalar(String name, double value) {
    return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
        .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
  }

  static Resource ranges(String name, String text) {
    String t = text.trim();
    if (!t.startsWith("[") || !t.endsWith("]")) {
      throw bad(name + ":" + text, "[begin-end,...]");
    }
    var ranges = Value.Ranges.newBuilder();
    for (String r : t.substring(1, t.length() - 1).split(",")) {
      String[] ends = r.trim().split("-");
      try {
        long begin = Long.parseLong(ends[0].trim());
        long end = ends.length == 2 ? Long.parseLong(ends[1].trim()) : -1;
        if (ends.length != 2 || begin < 0 || end < begin) {
          throw bad(name + ":" + text, "ranges begin-end with 0 <= begin <= end");
        }
        ranges.addRange(Value.Range.newBuilder().setBegin(begin).setEnd(end));
      } catch (NumberFormatException e) {
        throw bad(name + ":" + text, "ranges of integers begin-end");
      }
    }
    return Resource.newBuilder().setName(name).setType(Value.Type.RANGES).setRanges(ranges).build();
  }

  /** Return the host's memory from {@code /proc/meminfo}, in MB. */
  static long memoryTotalMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.US_ASCII)) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    throw new IOException("/proc/meminfo has no MemTotal line");
  }

  /** Return the scalar value of {@code name} in {@code resources}, or 0. */
  public static double scalarOf(List<Resource> resources, String name) {
    double sum = 0;
    for (Resource r : resources) {
      if (r.getName().equals(name) && r.hasScalar()) {
        sum += r.getScalar().getValue();
      }
    }
    return sum;
  }

  /** Return the ports of {@code resources}, in the order they are listed. */
  public static List<Long> portsOf(List<Resource> resources) {
    var ports = new ArrayList<Long>();
    for (Resource r : resources) {
      if (r.getName().equals("ports") && r.hasRanges()) {
        for (Value.Range range : r.getRanges().getRangeList()) {
          for (long p = range.getBegin(); p <= range.getEnd() && ports.size() < 65_536; p++) {
            ports.add(p);
          }
        }
      }
    }
    return ports;
  }

  private static IllegalArgumentException bad(String part, String expected) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "--resources: expected %s, found '%s'", expected,
        part));
  }
}
