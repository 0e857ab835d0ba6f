package io.offerlab.realruntime.agent;

import io.offerlab.realruntime.wire.ProtoJson;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agent's task sandboxes as Mesos' files endpoints see them ({@code src/files/files.cpp}): a sandbox is reachable
 * under its virtual path {@code /frameworks/FID/executors/EID/runs/latest} (the executor id of a command task is its
 * task id) and under its real path, and nothing else on the host is. Errors are Mesos': a path that leaves its
 * sandbox is 400, an unknown path 404, a bad offset or length 400. Unlike Mesos, any {@code ..} segment is 400 before
 * the file system is asked, so that the answer never tells whether a file outside the sandboxes exists.
 */
public final class SandboxFiles {
  /** The most bytes one read returns: 16 pages of 4 KiB, as Mesos caps it. */
  public static final int MAX_READ = 16 * 4096;

  private final Path frameworks;

  /** Serve the sandboxes the agent keeps under {@code workDir} ({@code frameworks/FID/tasks/TID}). */
  public SandboxFiles(Path workDir) {
    this.frameworks = workDir.toAbsolutePath().normalize().resolve("frameworks");
  }

  /** A request the files endpoints refuse: the HTTP status (400 or 404) and a one-line message. */
  public static final class FilesException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    FilesException(int status, String message) {
      super(message);
      this.status = status;
    }

    /** Return the HTTP status to answer with. */
    public int status() {
      return status;
    }
  }

  /** A requested path resolved to a real file or directory inside the sandbox {@code sandbox}. */
  record Resolved(Path real, Path sandbox) {
  }

  /** A chunk of a file: the offset answered and the text read, as {@code /files/read} returns it. */
  public record Chunk(long offset, String data) {
    /** Return Mesos' JSON {@code {"data": ..., "offset": N}} (keys sorted, as stout prints them). */
    public String json() {
      var out = new StringBuilder("{\"data\":");
      ProtoJson.quote(out, data);
      return out.append(",\"offset\":").append(offset).append('}').toString();
    }
  }

  /** Return the JSON array of the directory's entries, sorted, as {@code /files/browse} does. */
  public String browse(String path) throws FilesException {
    Resolved resolved = resolve(path);
    var entries = new TreeMap<String, String>();
    if (Files.isDirectory(resolved.real())) {
      try (DirectoryStream<Path> dir = Files.newDirectoryStream(resolved.real())) {
        for (Path entry : dir) {
          String name = entry.getFileName().toString();
          String json = entryJson(join(path, name), entry, resolved.sandbox());
          if (json != null) {
            entries.put(name, json);
          }
        }
      } catch (IOException e) {
        throw new FilesException(404, "Cannot list '" + path + "': " + e.getMessage());
      }
    }
    return "[" + String.join(",", entries.values()) + "]";
  }

  /**
   * Read up to {@code length} bytes (at most {@link #MAX_READ}) from {@code offset}, with Mesos' rules: offset -1
   * answers the file's size and no data; an offset at or past the end answers no data; a length of -1 or none reads
   * to the end. Bytes are decoded as UTF-8; a multi-byte character cut by the length cap is left for the next read.
   */
  public Chunk read(String path, String offsetText, String lengthText) throws FilesException {
    long offset = number("offset", offsetText, -1);
    long length = number("length", lengthText, -1);
    Resolved resolved = resolve(path);
    if (Files.isDirectory(resolved.real())) {
      throw new FilesException(400, "Cannot read a directory.");
    }
    regular(path, resolved.real());
    try (var file = new RandomAccessFile(resolved.real().toFile(), "r")) {
      long size = file.length();
      if (offset == -1) {
        return new Chunk(size, "");
      }
      if (offset >= size || length == 0) {
        return new Chunk(offset, "");
      }
      long wanted = length == -1 ? size - offset : Math.min(length, size - offset);
      byte[] bytes = new byte[(int) Math.min(wanted, MAX_READ)];
      file.seek(offset);
      file.readFully(bytes);
      int usable = bytes.length;
      if (offset + bytes.length < size) {
        usable = Utf8.completePrefix(bytes);
      }
      return new Chunk(offset, new String(bytes, 0, usable, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new FilesException(404, "Cannot read '" + path + "': " + e.getMessage());
    }
  }

  /** Return the real file a download of {@code path} sends; a directory is 400, as in Mesos. */
  public Path download(String path) throws FilesException {
    Resolved resolved = resolve(path);
    if (Files.isDirectory(resolved.real())) {
      throw new FilesException(400, "Cannot download a directory.");
    }
    regular(path, resolved.real());
    return resolved.real();
  }

  /** Refuse what is neither a directory nor a regular file: a FIFO a task made would block the reading thread. */
  private static void regular(String path, Path real) throws FilesException {
    if (!Files.isRegularFile(real)) {
      throw new FilesException(400, "'" + path + "' is not a regular file.");
    }
  }

  /**
   * Resolve a virtual or real path to a real path inside one sandbox: {@code ..} segments are 400; a path outside every
   * sandbox, or one that does not exist, 404; a path that a symbolic link leads out of its sandbox, 400.
   */
  Resolved resolve(String path) throws FilesException {
    if (path == null || path.isEmpty()) {
      throw new FilesException(400, "Expecting 'path=value' in query.");
    }
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/")) {
      if (s.equals("..")) {
        throw new FilesException(400, "'" + path + "' is inaccessible: '..' leaves the sandbox");
      }
      if (!s.isEmpty() && !s.equals(".")) {
        segments.add(s);
      }
    }
    if (!path.startsWith("/") || path.indexOf('\0') >= 0) {
      throw notFound(path);
    }
    Path sandbox;
    List<String> rest;
    if (segments.size() >= 6 && segments.get(0).equals("frameworks") && segments.get(2).equals("executors")
        && segments.get(4).equals("runs") && segments.get(5).equals("latest")) {
      sandbox = sandboxOf(segments.get(1), segments.get(3));
      rest = segments.subList(6, segments.size());
    } else {
      int under = under(segments);
      if (under < 0 || segments.size() < under + 3 || !segments.get(under + 1).equals("tasks")) {
        throw notFound(path);
      }
      sandbox = frameworks.resolve(segments.get(under)).resolve("tasks").resolve(segments.get(under + 2));
      rest = segments.subList(under + 3, segments.size());
    }
    Path sandboxReal;
    Path real;
    try {
      if (!Files.isDirectory(sandbox, LinkOption.NOFOLLOW_LINKS)) {
        throw notFound(path);
      }
      sandboxReal = sandbox.toRealPath();
      Path target = sandbox;
      for (String s : rest) {
        target = target.resolve(s);
      }
      real = target.toRealPath();
    } catch (NoSuchFileException e) {
      throw notFound(path);
    } catch (IOException e) {
      throw new FilesException(404, "Cannot resolve '" + path + "': " + e.getMessage());
    }
    if (!real.startsWith(sandboxReal)) {
      throw new FilesException(400, "'" + path + "' is inaccessible: a symbolic link leads out of the sandbox");
    }
    return new Resolved(real, sandboxReal);
  }

  /** Return the sandbox directory of a framework's executor (the task of a command executor). */
  private Path sandboxOf(String frameworkId, String executorId) {
    return frameworks.resolve(Agent.safe(frameworkId)).resolve("tasks").resolve(Agent.safe(executorId));
  }

  /** Return the index of the first segment under the agent's {@code frameworks} directory, or -1. */
  private int under(List<String> segments) {
    List<String> roots = new ArrayList<>();
    roots.add(frameworks.toString());
    try {
      roots.add(frameworks.toRealPath().toString());
    } catch (IOException e) {
      // no sandbox yet: only the configured form can match, and the sandbox check then answers 404
    }
    for (String root : roots) {
      List<String> prefix = Arrays.stream(root.split("/")).filter(s -> !s.isEmpty()).toList();
      if (segments.size() > prefix.size() && segments.subList(0, prefix.size()).equals(prefix)) {
        return prefix.size();
      }
    }
    return -1;
  }

  private static FilesException notFound(String path) {
    return new FilesException(404, "No sandbox file '" + path + "'");
  }

  private static long number(String name, String text, long absent) throws FilesException {
    if (text == null) {
      return absent;
    }
    long value;
    try {
      value = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new FilesException(400, "Failed to parse " + name + ": '" + text + "' is not an integer.");
    }
    if (value < -1) {
      throw new FilesException(400, String.format(Locale.ROOT, "Negative %s provided: %d.", name, value));
    }
    return value;
  }

  private static String join(String dir, String name) {
    return (dir.endsWith("/") ? dir : dir + "/") + name;
  }

  /**
   * Return one entry as Mesos' FileInfo model: links are followed while they stay inside the sandbox (Mesos stats
   * through them); a link that leaves it is shown as the link itself, and a dangling one is left out, as Mesos does.
   */
  private static String entryJson(String virtualPath, Path entry, Path sandbox) {
    Path described = entry;
    LinkOption[] how = {};
    if (Files.isSymbolicLink(entry)) {
      try {
        if (!entry.toRealPath().startsWith(sandbox)) {
          how = new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        }
      } catch (IOException e) {
        return null;
      }
    }
    try {
      PosixFileAttributes posix = Files.readAttributes(described, PosixFileAttributes.class, how);
      Map<String, Object> unix = Files.readAttributes(described, "unix:mode,nlink,uid,gid", how);
      var out = new StringBuilder("{\"gid\":");
      ProtoJson.quote(out, posix.group() != null ? posix.group().getName() : String.valueOf(unix.get("gid")));
      out.append(",\"mode\":");
      ProtoJson.quote(out, mode((Integer) unix.get("mode")));
      out.append(",\"mtime\":").append(posix.lastModifiedTime().toMillis() / 1000)
          .append(",\"nlink\":").append(unix.get("nlink"))
          .append(",\"path\":");
      ProtoJson.quote(out, virtualPath);
      out.append(",\"size\":").append(posix.size()).append(",\"uid\":");
      ProtoJson.quote(out, posix.owner() != null ? posix.owner().getName() : String.valueOf(unix.get("uid")));
      return out.append('}').toString();
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** Return {@code ls -l}'s ten-character mode, as Mesos' FileInfo model prints it. */
  static String mode(int mode) {
    char type = switch (mode & 0170000) {
      case 0040000 -> 'd';
      case 0020000 -> 'c';
      case 0060000 -> 'b';
      case 0010000 -> 'p';
      case 0120000 -> 'l';
      case 0140000 -> 's';
      default -> '-';
    };
    var out = new StringBuilder().append(type);
    String rwx = "rwxrwxrwx";
    for (int bit = 0; bit < 9; bit++) {
      out.append((mode & (0400 >> bit)) != 0 ? rwx.charAt(bit) : '-');
    }
    return out.toString();
  }

  /** UTF-8 helpers for reads that stop inside a file. */
  private static final class Utf8 {
    private Utf8() {
    }

    /** Return how many leading bytes end on a character boundary (a cut multi-byte character is left out). */
    static int completePrefix(byte[] bytes) {
      int n = bytes.length;
      for (int back = 1; back <= Math.min(3, n); back++) {
        int b = bytes[n - back] & 0xff;
        if ((b & 0xc0) == 0x80) {
          continue; // a continuation byte: look further back for its lead byte
        }
        int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        return needed > back ? n - back : n;
      }
      return n;
    }
  }
}
