package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The user documentation (README.md and docs/*.md) cites only files the repository has, and no issue numbers, which
 * mean nothing to a reader of the repository.
 */
class DocsTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+\\.md)(#[^)]*)?\\)");
  private static final Pattern BARE = Pattern.compile("\\b([A-Z][A-Z_-]+\\.md)\\b");
  private static final Pattern ISSUE = Pattern.compile("(?i)\\bissue\\s+#?\\d+");

  @Test
  void docsCiteOnlyFilesThatExistAndNoIssueNumbers() throws IOException {
    Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> files = Files.list(root.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    List<String> problems = new ArrayList<>();
    for (Path doc : docs) {
      String text = Files.readString(doc);
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        if (!link.group(1).startsWith("http") && !Files.exists(doc.getParent().resolve(link.group(1)))) {
          problems.add(root.relativize(doc) + ": link to missing " + link.group(1));
        }
      }
      Matcher bare = BARE.matcher(text);
      while (bare.find()) {
        String name = bare.group(1);
        if (!Files.exists(root.resolve(name)) && !Files.exists(root.resolve("docs").resolve(name))) {
          problems.add(root.relativize(doc) + ": cites missing " + name);
        }
      }
      Matcher issue = ISSUE.matcher(text);
      while (issue.find()) {
        problems.add(root.relativize(doc) + ": cites '" + issue.group() + "'");
      }
    }
    assertEquals(List.of(), problems);
  }
}
