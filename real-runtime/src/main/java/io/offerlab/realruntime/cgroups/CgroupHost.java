package io.offerlab.realruntime.cgroups;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this host's cgroups look like to this process, read from {@code /proc/self/mounts} and {@code /proc/self/cgroup}
 * (ARCHITECTURE.md 7.2): v2 when the file system at {@code /sys/fs/cgroup} is {@code cgroup2}; v1 when it is a
 * {@code tmpfs} with per-controller mounts (a {@code cgroup2} mount elsewhere, such as {@code /sys/fs/cgroup/unified},
 * does not make it v2). On v1, {@code cpu} and {@code cpuacct} may share one {@code cpu,cpuacct} mount.
 *
 * @param version 1 or 2
 * @param controllerDirs on v1, for each controller, this process's own cgroup directory in that controller's hierarchy;
 *     on v2, the single key {@code ""} maps to this process's own cgroup directory
 */
public record CgroupHost(int version, Map<String, Path> controllerDirs) {
  /** The usual mount point of the cgroup file systems. */
  public static final Path ROOT = Path.of("/sys/fs/cgroup");

  /** Copy the map. */
  public CgroupHost {
    controllerDirs = Collections.unmodifiableMap(new LinkedHashMap<>(controllerDirs));
  }

  /** Detect from this process's {@code /proc/self/mounts} and {@code /proc/self/cgroup}. */
  public static CgroupHost detect() throws IOException {
    return detect(ROOT, read(Path.of("/proc/self/mounts")), read(Path.of("/proc/self/cgroup")));
  }

  /** Detect from the text of a mounts table and of a {@code /proc/<pid>/cgroup} file, for the given root. */
  public static CgroupHost detect(Path root, List<String> mounts, List<String> selfCgroup) throws IOException {
    String rootType = null;
    var v1Mounts = new LinkedHashMap<String, Path>();
    for (String line : mounts) {
      String[] f = line.split(" ");
      if (f.length < 4) {
        continue;
      }
      Path mountPoint = Path.of(unescape(f[1]));
      if (mountPoint.equals(root)) {
        rootType = f[2];
      }
      if (f[2].equals("cgroup")) {
        for (String option : f[3].split(",")) {
          if (!option.equals("rw") && !option.equals("ro") && !option.contains("=") && !option.equals("relatime")
              && !option.equals("nosuid") && !option.equals("nodev") && !option.equals("noexec")) {
            v1Mounts.put(option, mountPoint);
          }
        }
      }
    }
    if (rootType == null) {
      throw new IOException("cgroups: nothing is mounted at " + root);
    }
    if (rootType.equals("cgroup2")) {
      for (String line : selfCgroup) {
        if (line.startsWith("0::")) {
          return new CgroupHost(2, Map.of("", root.resolve(relative(line.substring(3)))));
        }
      }
      throw new IOException("cgroups: no '0::' line in /proc/self/cgroup on a cgroup2 host");
    }
    if (!rootType.equals("tmpfs")) {
      throw new IOException("cgroups: " + root + " is a " + rootType + ", neither cgroup2 nor a tmpfs of v1 mounts");
    }
    var dirs = new LinkedHashMap<String, Path>();
    for (String line : selfCgroup) {
      String[] f = line.split(":", 3);
      if (f.length < 3 || f[1].isEmpty()) {
        continue;
      }
      for (String controller : f[1].split(",")) {
        Path mount = v1Mounts.get(controller);
        if (mount != null) {
          dirs.put(controller, mount.resolve(relative(f[2])));
        }
      }
    }
    return new CgroupHost(1, dirs);
  }

  /**
   * Return why cgroups v1 cannot run tasks on this host (not v1, or a needed controller not mounted writable), or
   * null when they can. The agent's default {@code --isolation cgroups} and the real-cgroup tests ask this.
   */
  public static String whyNotUsableV1() {
    try {
      CgroupHost host = detect();
      if (host.version() != 1) {
        return "this host mounts cgroups v" + host.version();
      }
      for (String c : List.of("cpu", "cpuacct", "memory", "freezer", "cpuset")) {
        Path dir = host.controllerDirs().get(c);
        if (dir == null || !Files.isWritable(dir)) {
          return "the v1 '" + c + "' controller is not mounted writable";
        }
      }
      return null;
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  private static String relative(String cgroupPath) {
    String p = cgroupPath.trim();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p;
  }

  private static String unescape(String mountField) {
    return mountField.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
  }

  private static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
