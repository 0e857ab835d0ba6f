package io.offerlab.simcore.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two dominant shares, worked by hand. Cluster: 10 CPUs, 100 GB memory, 1000 GB disk. Framework f holds an offer
 * of &lt;2 CPUs, 10 GB, 600 GB disk&gt; from t = 0 to 10 s, then runs a task of &lt;1 CPU, 40 GB, 0 disk&gt; from 10 to
 * 20 s; g runs &lt;5 CPUs, 10 GB&gt; all along. The allocator's share (what DRF equalises: running tasks plus offers,
 * disk included) of f is 600/1000 = 0.6 while the offer is out, then 40/100 = 0.4; its running-task share is 0, then
 * 0.4. g's shares are both 5/10 = 0.5. Means over 20 s: f allocator 0.5, running 0.2; g 0.5 and 0.5. Jain's index over
 * the allocator's shares: (0.6 + 0.5)^2 / (2 (0.36 + 0.25)) = 0.99180 for 10 s, then (0.9)^2 / (2 x 0.41) = 0.98780.
 */
class AllocatorShareTest {
  @Test
  void offersAndDiskCountInTheAllocatorsShareOnly(@TempDir Path dir) throws Exception {
    Metrics m = new Metrics(10_000_000, dir);
    int f = m.addFramework("f");
    int g = m.addFramework("g");
    m.addTotal(0, 10_000, 100_000_000, 1_000_000_000, 0);
    m.work(0, f, true);
    m.work(0, g, true);
    m.allocate(0, g, 5_000, 10_000_000, 0, 0, 1);
    m.offer(0, f, 2_000, 10_000_000, 600_000_000, 0, 1);
    m.sampleUpTo(10_000_000);
    m.offer(10_000_000, f, 2_000, 10_000_000, 600_000_000, 0, -1);
    m.allocate(10_000_000, f, 1_000, 40_000_000, 0, 0, 1);
    m.sampleUpTo(20_000_000);
    m.finish(20_000_000);
    long end = 20_000_000;
    assertEquals(0.5, m.meanAllocatorShare(f, end), 1e-12);
    assertEquals(0.2, m.meanShare(f, end), 1e-12);
    assertEquals(0.5, m.meanAllocatorShare(g, end), 1e-12);
    assertEquals(0.5, m.meanShare(g, end), 1e-12);
    double jain1 = 1.1 * 1.1 / (2 * (0.36 + 0.25));
    double jain2 = 0.9 * 0.9 / (2 * (0.16 + 0.25));
    assertEquals((jain1 + jain2) / 2, m.meanJain(end), 1e-12);
    m.writeTimeseries(dir.resolve("timeseries.csv"));
    List<String> lines = Files.readAllLines(dir.resolve("timeseries.csv"));
    String header = lines.get(0);
    assertEquals(true, header.endsWith(",share:f,share:g,cpus:f,cpus:g,allocator_share:f,allocator_share:g"), header);
    assertEquals(true, lines.get(1).endsWith(",0,0.5,0,5,0.6,0.5"), lines.get(1));
    assertEquals(true, lines.get(2).endsWith(",0.4,0.5,1,5,0.4,0.5"), lines.get(2));
  }
}
