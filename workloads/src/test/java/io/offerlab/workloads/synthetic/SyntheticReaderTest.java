package io.offerlab.workloads.synthetic;

import static io.offerlab.workloads.ReaderFixtures.options;
import static io.offerlab.workloads.ReaderFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.WorkloadException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticReaderTest {

  private static List<Job> generate(String name, String... kv) {
    return readAll(new SyntheticReader(name, options(kv)));
  }

  @Test
  void everyMixIsDeterministicPerSeedAndInArrivalOrder() {
    for (String mix : SyntheticReader.mixes()) {
      List<Job> a = generate(mix, "seed", "7");
      assertEquals(a, generate(mix, "seed", "7"), mix);
      for (int i = 1; i < a.size(); i++) {
        assertTrue(a.get(i - 1).arrivalMicros() <= a.get(i).arrivalMicros(), mix);
      }
      if (!mix.equals("drf-example")) {
        assertNotEquals(a, generate(mix, "seed", "8"), mix);
      }
    }
  }

  @Test
  void mesosPaperHasFourFrameworksWithTable3Jobs() {
    List<Job> jobs = generate("mesos-paper", "seed", "1");
    Map<String, List<Job>> byFramework = jobs.stream().collect(Collectors.groupingBy(Job::framework, TreeMap::new,
        Collectors.toList()));
    assertEquals(List.of("facebook", "hadoop-large", "mpi", "spark"), List.copyOf(byFramework.keySet()));
    // Table 3 of the Mesos paper: 100 jobs in eight bins of 1 to 400 maps (plus reduces for aggregations and joins).
    Map<Integer, Long> sizes = byFramework.get("facebook").stream()
        .collect(Collectors.groupingBy(j -> j.tasks().size(), TreeMap::new, Collectors.counting()));
    assertEquals(Map.of(1, 38L, 2, 18L, 12, 14L, 50, 12L, 110, 6L, 200, 6L, 400, 4L, 430, 2L), sizes);
    assertEquals(10, byFramework.get("hadoop-large").size());
    assertTrue(byFramework.get("hadoop-large").stream().allMatch(j -> j.tasks().size() == 2400));
    assertEquals(5, byFramework.get("spark").size());
    List<Job> mpi = byFramework.get("mpi");
    assertEquals(8, mpi.size());
    assertTrue(mpi.stream().allMatch(j -> j.kind() == JobKind.GANG && j.tasks().size() == 24));
    // All ranks of one MPI job run equally long.
    assertTrue(mpi.stream().allMatch(j -> j.tasks().stream().map(TaskSpec::durationMicros).distinct().count() == 1));
    double lastArrival = jobs.get(jobs.size() - 1).arrivalMicros() / 1e6;
    assertTrue(lastArrival > 1200 && lastArrival < 2000, "span " + lastArrival);
    try (SyntheticReader r = new SyntheticReader("mesos-paper", options())) {
      assertEquals(List.of(new AgentGroup(96, ResourceShape.of(4, 15360))), r.clusterHint().orElseThrow());
    }
  }

  /**
   * Section 6.1.1 of the Mesos paper: a script submits each large Hadoop job when the previous one ends, and each Spark
   * job 2 minutes after the previous one ends; Spark runs its iterations in order; the Torque/MPI jobs come at fixed
   * times as rigid gangs. The demo's priorities put the small production jobs first and the large batch jobs last.
   */
  @Test
  void mesosPaperRunsItsJobsAsThePapersScriptsDid() {
    Map<String, List<Job>> byFramework = generate("mesos-paper", "seed", "1").stream()
        .collect(Collectors.groupingBy(Job::framework, TreeMap::new, Collectors.toList()));
    List<Job> large = byFramework.get("hadoop-large");
    assertEquals(-1, large.get(0).afterPreviousMicros(), "the first large job starts the chain");
    assertTrue(large.subList(1, 10).stream().allMatch(j -> j.afterPreviousMicros() == 0), "each after the previous");
    List<Job> spark = byFramework.get("spark");
    assertTrue(spark.subList(1, 5).stream().allMatch(j -> j.afterPreviousMicros() == 120_000_000L),
        "2 minutes after the previous one ends");
    assertTrue(spark.stream().allMatch(j -> j.stages().equals(java.util.Collections.nCopies(10, 96))),
        "10 iterations of 96 tasks, in order");
    assertTrue(byFramework.get("mpi").stream().allMatch(j -> !j.chained() && j.stages().isEmpty()
        && j.kind() == JobKind.GANG), "fixed times, rigid gangs");
    assertTrue(byFramework.get("facebook").stream().allMatch(j -> !j.chained()), "independent Poisson arrivals");
    Map<String, Integer> priorities = new TreeMap<>();
    byFramework.forEach((fw, jobs) -> priorities.put(fw, jobs.get(0).priority()));
    assertEquals(Map.of("facebook", 3, "spark", 2, "mpi", 1, "hadoop-large", 0), priorities);
  }

  /** The DRF paper's example needs one task per offer; the mix suggests it, and a run's config can override it. */
  @Test
  void drfExampleSuggestsOneTaskPerOffer() {
    assertEquals("frameworks:\n  default:\n    maxTasksPerOffer: 1\n", SyntheticReader.suggestedConfig("drf-example"));
    assertEquals(null, SyntheticReader.suggestedConfig("mesos-paper"));
    assertEquals(null, SyntheticReader.suggestedConfig("nope"));
    assertEquals(SyntheticReader.suggestedConfig("drf-example"),
        io.offerlab.workloads.Workloads.suggestedConfig("synthetic:drf-example"));
    assertEquals(null, io.offerlab.workloads.Workloads.suggestedConfig("swf:x.swf"));
  }

  /** The mix must keep 96 x 4 CPUs busy for most of its half hour, with more demand than a static quarter holds. */
  @Test
  void mesosPaperLoadFitsTheClusterInAboutHalfAnHour() {
    List<Job> jobs = generate("mesos-paper", "seed", "3");
    Map<String, Double> cpuSeconds = new TreeMap<>();
    for (Job j : jobs) {
      double s = j.tasks().stream().mapToDouble(t -> t.request().cpus() * t.durationMicros() / 1e6).sum();
      cpuSeconds.merge(j.framework(), s, Double::sum);
    }
    double total = cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    double capacity = 384 * 1800.0;
    assertTrue(total > 0.6 * capacity && total < capacity, "load " + total / capacity);
    assertTrue(cpuSeconds.get("hadoop-large") > capacity / 4, "hadoop-large exceeds its static quarter");
    assertTrue(cpuSeconds.get("spark") < capacity / 4, "spark leaves its quarter idle at times");
  }

  @Test
  void drfExampleIsTwoFrameworksWithUnboundedDemandOnNineCpus() {
    List<Job> jobs = generate("drf-example", "synthetic.tasks", "50", "synthetic.duration", "5");
    assertEquals(2, jobs.size());
    assertEquals(ResourceShape.of(1, 4096), jobs.get(0).tasks().get(0).request());
    assertEquals(ResourceShape.of(3, 1024), jobs.get(1).tasks().get(0).request());
    assertEquals(50, jobs.get(1).tasks().size());
    assertEquals(5_000_000, jobs.get(1).tasks().get(0).durationMicros());
    try (SyntheticReader r = new SyntheticReader("drf-example", options())) {
      assertEquals(List.of(new AgentGroup(1, ResourceShape.of(9, 18432))), r.clusterHint().orElseThrow());
    }
  }

  @Test
  void omegaMixIsMostlyBatchJobsWhileServicesHoldMostResources() {
    List<Job> jobs = generate("omega-batch-service", "seed", "5");
    long batch = jobs.stream().filter(j -> j.kind() == JobKind.BATCH).count();
    long service = jobs.stream().filter(j -> j.kind() == JobKind.SERVICE).count();
    assertTrue(batch > 50 * service, batch + " batch vs " + service + " service jobs");
    double serviceCpus = jobs.stream().filter(j -> j.kind() == JobKind.SERVICE)
        .mapToDouble(j -> j.tasks().stream().mapToDouble(t -> t.request().cpus()).sum()).sum();
    assertTrue(serviceCpus > 0.5 * 800 && serviceCpus < 800, "service CPUs " + serviceCpus);
    double batchCpuSeconds = jobs.stream().filter(j -> j.kind() == JobKind.BATCH)
        .mapToDouble(j -> j.tasks().stream().mapToDouble(t -> t.request().cpus() * t.durationMicros() / 1e6).sum())
        .sum();
    double serviceCpuSeconds = jobs.stream().filter(j -> j.kind() == JobKind.SERVICE)
        .mapToDouble(j -> j.tasks().stream().mapToDouble(t -> t.request().cpus() * t.durationMicros() / 1e6).sum())
        .sum();
    assertTrue(serviceCpuSeconds > 2 * batchCpuSeconds);
  }

  @Test
  void poissonGeneratesTheRequestedLoad() {
    List<Job> jobs = generate("poisson", "synthetic.jobs", "2000", "synthetic.frameworks", "20",
        "synthetic.tasksPerJob", "7", "synthetic.rate", "4", "synthetic.duration", "30",
        "synthetic.durationDist", "lognormal", "synthetic.cpus", "0.5", "synthetic.kind", "gang", "seed", "11");
    assertEquals(2000, jobs.size());
    assertEquals(20, jobs.stream().map(Job::framework).distinct().count());
    assertTrue(jobs.stream().allMatch(j -> j.tasks().size() == 7 && j.kind() == JobKind.GANG));
    // Each framework gets rate / frameworks = 0.2 jobs/s: a mean gap of 5 s between its jobs.
    double meanGap = jobs.stream().collect(Collectors.groupingBy(Job::framework,
            Collectors.summarizingLong(Job::arrivalMicros))).values().stream()
        .mapToDouble(s -> s.getMax() / 1e6 / s.getCount()).average().orElseThrow();
    assertEquals(5, meanGap, 0.5);
    double meanDuration = jobs.stream().flatMap(j -> j.tasks().stream()).mapToLong(TaskSpec::durationMicros)
        .average().orElseThrow() / 1e6;
    assertEquals(30, meanDuration, 3);
  }

  @Test
  void poissonReachesAMillionTasksLazily() {
    long tasks = 0;
    long jobs = 0;
    try (SyntheticReader r = new SyntheticReader("poisson", options("synthetic.jobs", "10000",
        "synthetic.tasksPerJob", "100", "synthetic.frameworks", "20", "synthetic.durationDist", "constant"))) {
      Job j;
      while ((j = r.next()) != null) {
        jobs++;
        tasks += j.tasks().size();
      }
    }
    assertEquals(10_000, jobs);
    assertEquals(1_000_000, tasks);
  }

  @Test
  void aFrameworksDrawsDoNotDependOnTheOthers() {
    List<Job> two = generate("poisson", "synthetic.frameworks", "2", "synthetic.jobs", "200", "synthetic.rate", "2");
    List<Job> four = generate("poisson", "synthetic.frameworks", "4", "synthetic.jobs", "400", "synthetic.rate", "4");
    // Same per-framework rate and job count: fw01 and fw02 draw the same jobs whatever else runs.
    for (String fw : List.of("fw01", "fw02")) {
      assertEquals(two.stream().filter(j -> j.framework().equals(fw)).toList(),
          four.stream().filter(j -> j.framework().equals(fw)).toList());
    }
  }

  @Test
  void unknownMixesAndBadOptionsFailInOneLine() {
    WorkloadException e = assertThrows(WorkloadException.class, () -> new SyntheticReader("nope", options()));
    assertEquals("synthetic: unknown mix 'nope'; known mixes: mesos-paper, drf-example, omega-batch-service, poisson",
        e.getMessage());
    WorkloadException bad = assertThrows(WorkloadException.class,
        () -> new SyntheticReader("poisson", options("synthetic.paretoAlpha", "0.5")));
    assertEquals("option synthetic.paretoAlpha: expected a tail index above 1 (a finite mean), found '0.5'",
        bad.getMessage());
  }
}
