package io.offerlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Test checks on written files: non-blank PNGs, well-formed SVG and XHTML, links that resolve, folder snapshots. */
public final class Files2 {
  private Files2() {}

  /** Asserts the PNG decodes, is at least 300x200, and is not a single colour (at least 1% of pixels differ). */
  public static void assertNonBlankPng(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, png + " does not decode as an image");
    assertTrue(image.getWidth() >= 300 && image.getHeight() >= 200,
        png + " is too small: " + image.getWidth() + "x" + image.getHeight());
    int background = image.getRGB(0, 0);
    long differing = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        colours.add(rgb);
        if (rgb != background) {
          differing++;
        }
      }
    }
    long pixels = (long) image.getWidth() * image.getHeight();
    assertTrue(differing * 100 >= pixels, png + " is blank: only " + differing + " of " + pixels + " pixels drawn");
    assertTrue(colours.size() >= 3, png + " has only " + colours.size() + " colours");
  }

  /** Parses an XML file (SVG or XHTML) without fetching external DTDs and returns the document. */
  public static Document parseXml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setValidating(false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(file.toFile());
  }

  /** Returns every local {@code src} and {@code href} in an XHTML page (URLs with a scheme are left out). */
  public static List<String> localLinks(Document page) {
    List<String> links = new ArrayList<>();
    NodeList all = page.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      for (String attribute : List.of("src", "href")) {
        String value = e.getAttribute(attribute);
        if (!value.isEmpty() && !value.matches("^[a-z]+:.*") && !value.startsWith("#")) {
          links.add(value);
        }
      }
    }
    return links;
  }

  /** Returns every regular file under the folder, by relative path, with its bytes. */
  public static TreeMap<String, byte[]> snapshot(Path dir) throws IOException {
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return files;
  }

  /** Asserts two files have identical bytes. */
  public static void assertSameBytes(byte[] expected, byte[] actual, String name) {
    assertEquals(new String(expected, java.nio.charset.StandardCharsets.UTF_8),
        new String(actual, java.nio.charset.StandardCharsets.UTF_8), name + " differs");
  }
}
