package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.offerlab.reports.sweep.SweepConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep examples for cluster schedulers under {@code examples/sweep/} run as those schedulers would run them: the
 * Slurm scripts with the variables Slurm sets in an array task ({@code SLURM_ARRAY_TASK_ID}, {@code
 * SLURM_ARRAY_TASK_COUNT}), and the commands of the Kubernetes Indexed Job manifest with the variable Kubernetes sets
 * ({@code JOB_COMPLETION_INDEX}, from 0). Each path shards a small sweep in two, merges, and must give the same
 * {@code sweep.csv} as one unsharded sweep. {@code offerlab} on the scripts' PATH is this build's CLI.
 */
class SweepOnClusterSchedulersTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "sweep");

  @TempDir
  Path tmp;
  private Path config;
  private Map<String, String> env;

  @BeforeEach
  void smallSweep() throws IOException {
    config = tmp.resolve("sweep.yaml");
    Files.writeString(config, """
        allocators: [drf, static]
        workloads: ["synthetic:poisson"]
        cluster: "uniform:6:cpus:4;mem:16384"
        seeds: 2
        workloadOptions:
          synthetic.jobs: 30
          synthetic.frameworks: 2
          synthetic.rate: 0.25
          synthetic.tasksPerJob: 4
        metrics: [wait_mean_s]
        """);
    env = new HashMap<>();
    env.put("PATH", offerlabOnPath() + ":" + System.getenv("PATH"));
    env.put("SWEEP_CONFIG", config.toString());
  }

  @Test
  void slurmArrayShardsAndMergeEqualAnUnshardedSweep() throws Exception {
    Path out = tmp.resolve("slurm");
    env.put("SWEEP_OUT", out.toString());
    env.put("SLURM_ARRAY_TASK_COUNT", "2");
    for (int task = 1; task <= 2; task++) {
      env.put("SLURM_ARRAY_TASK_ID", Integer.toString(task));
      run(List.of("bash", EXAMPLES.resolve("slurm-shard.sh").toString()));
    }
    assertTrue(Files.exists(out.resolve("shard-2/shard-2-of-2.csv")));
    run(List.of("bash", EXAMPLES.resolve("slurm-merge.sh").toString()));
    assertEquals(unsharded(), Files.readString(out.resolve("merged/sweep.csv")));
  }

  @Test
  void kubernetesIndexedJobAndMergeEqualAnUnshardedSweep() throws Exception {
    List<JsonNode> jobs = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(EXAMPLES.resolve("k8s-sweep.yaml").toFile())) {
      new ObjectMapper().readValues(parser, JsonNode.class).forEachRemaining(jobs::add);
    }
    assertEquals(2, jobs.size(), "the shard Job and the merge Job");
    JsonNode shardJob = jobs.get(0).at("/spec");
    assertEquals("Indexed", shardJob.at("/completionMode").asText());
    JsonNode shard = shardJob.at("/template/spec/containers/0");
    assertEquals(shardJob.at("/completions").asText(), envOf(shard).get("SHARDS"), "completions = SHARDS");

    Path out = tmp.resolve("k8s");
    env.put("SWEEP_OUT", out.toString());
    env.put("SHARDS", "2");
    for (int index = 0; index < 2; index++) {
      env.put("JOB_COMPLETION_INDEX", Integer.toString(index));
      run(command(shard));
    }
    env.remove("JOB_COMPLETION_INDEX");
    JsonNode merge = jobs.get(1).at("/spec/template/spec");
    run(command(merge.at("/initContainers/0")));
    run(command(merge.at("/containers/0")));
    assertEquals(unsharded(), Files.readString(out.resolve("merged/sweep.csv")));
  }

  @Test
  void theExampleSweepIsValid() {
    SweepConfig example = SweepConfig.read(EXAMPLES.resolve("sweep.yaml"));
    assertEquals(List.of("static", "drf", "priority"), example.allocators());
  }

  private String unsharded() throws IOException {
    Path whole = tmp.resolve("whole");
    CliRun run = CliRun.of("sweep", "--config", config.toString(), "--out", whole.toString());
    assertEquals(0, run.code(), run.err());
    return Files.readString(whole.resolve("sweep.csv"));
  }

  private static Map<String, String> envOf(JsonNode container) {
    Map<String, String> values = new HashMap<>();
    container.at("/env").forEach(e -> values.put(e.get("name").asText(), e.get("value").asText()));
    return values;
  }

  private static List<String> command(JsonNode container) {
    List<String> command = new ArrayList<>();
    container.at("/command").forEach(c -> command.add(c.asText()));
    container.at("/args").forEach(a -> command.add(a.asText()));
    return command;
  }

  private void run(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
    assertEquals(0, process.exitValue(), command + " printed:\n" + output);
  }

  /** Writes an {@code offerlab} that runs this build's CLI, and returns its folder. */
  private Path offerlabOnPath() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path offerlab = bin.resolve("offerlab");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(offerlab, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
        + "' io.offerlab.cli.Main \"$@\"\n");
    assertTrue(offerlab.toFile().setExecutable(true));
    return bin;
  }
}
