package io.offerlab.jmh.peer;

import ch.qos.logback.classic.Level;
import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.Workload;
import io.offerlab.workloads.Workloads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.cloudbus.cloudsim.brokers.DatacenterBrokerSimple;
import org.cloudbus.cloudsim.cloudlets.Cloudlet;
import org.cloudbus.cloudsim.cloudlets.CloudletSimple;
import org.cloudbus.cloudsim.core.CloudSim;
import org.cloudbus.cloudsim.datacenters.DatacenterSimple;
import org.cloudbus.cloudsim.hosts.Host;
import org.cloudbus.cloudsim.hosts.HostSimple;
import org.cloudbus.cloudsim.resources.Pe;
import org.cloudbus.cloudsim.resources.PeSimple;
import org.cloudbus.cloudsim.schedulers.cloudlet.CloudletSchedulerSpaceShared;
import org.cloudbus.cloudsim.utilizationmodels.UtilizationModel;
import org.cloudbus.cloudsim.utilizationmodels.UtilizationModelDynamic;
import org.cloudbus.cloudsim.utilizationmodels.UtilizationModelFull;
import org.cloudbus.cloudsim.vms.Vm;
import org.cloudbus.cloudsim.vms.VmSimple;
import org.cloudsimplus.util.Log;

/**
 * Simulates a native task list (docs/workloads.md, read with Offerlab's own reader so both simulators see the same
 * jobs) in CloudSim Plus 7.3.0: one datacenter with a host per agent of the file's cluster line, one VM per host with
 * all its PEs and memory, a space-shared cloudlet scheduler, and one cloudlet per task with as many PEs as the task
 * has cores, submitted with its arrival as submission delay. The broker maps with {@link NextFreePeMapper}.
 *
 * <p>Time: a PE runs {@value #MIPS_PER_PE} MIPS and a cloudlet's length is its duration in microseconds, so
 * length / MIPS is the duration to the microsecond (CloudSim adds finished lengths in whole MI per update, so a
 * coarser scale loses time at every update). CloudSim Plus submits the cloudlets once the VMs are up, at clock
 * {@code origin} (one {@code minTimeBetweenEvents} after the start), and delays each by its arrival from then; so
 * makespan is the last finish minus {@code origin}, and a job's response time is its last task's finish minus
 * {@code origin + arrival}, as Offerlab's job completion time is. CloudSim's logging is off.
 *
 * <p>Run: {@code java -cp jmh/target/benchmarks.jar io.offerlab.jmh.peer.CloudSimRun FILE}.
 */
public final class CloudSimRun {
  /** MIPS of one PE: one million instructions per microsecond of run time. */
  public static final double MIPS_PER_PE = 1_000_000.0;
  /** CloudSim Plus's default {@code minTimeBetweenEvents}, seconds. */
  public static final double DEFAULT_MIN_TIME_BETWEEN_EVENTS = 0.1;
  private static final long HOST_BW = 1_000_000;
  private static final long HOST_STORAGE = 1_000_000;

  /**
   * What a run measured: tasks and jobs finished, makespan and mean job response time (seconds of simulated time,
   * from {@code originSeconds}), how many cloudlets waited for a PE by the mapper's ledger, and the wall time of
   * reading the file and of building and running the simulation.
   */
  public record Result(long tasks, long jobs, double makespanSeconds, double meanResponseSeconds,
      double originSeconds, long queued, double readSeconds, double simulateSeconds) {
    /** One line, as the command prints it. */
    public String summary() {
      return String.format(Locale.ROOT, "CloudSim Plus 7.3.0: %d tasks in %d jobs, makespan %.3f s, mean response "
              + "%.4f s (origin %.3f s, %d queued); read %.2f s, simulate %.2f s",
          tasks, jobs, makespanSeconds, meanResponseSeconds, originSeconds, queued, readSeconds, simulateSeconds);
    }
  }

  private CloudSimRun() {
  }

  /** Reads {@code file} (a native task list with a cluster line) and simulates it; CloudSim's logging is off. */
  public static Result run(Path file, double minTimeBetweenEvents) {
    Log.setLevel(Level.OFF);
    long t0 = System.nanoTime();
    List<AgentGroup> cluster;
    List<Job> jobs;
    try (Workload workload = Workloads.open("native:" + file, Map.of()); Stream<Job> stream = workload.jobs()) {
      jobs = stream.toList();
      cluster = workload.clusterHint().orElseThrow(() -> new IllegalArgumentException(
          file + ": expected a cluster line {\"cluster\": [...]} first, found none (the hosts come from it)"));
    }
    long t1 = System.nanoTime();

    CloudSim simulation = new CloudSim(minTimeBetweenEvents);
    List<Host> hosts = new ArrayList<>();
    List<Vm> vms = new ArrayList<>();
    for (AgentGroup group : cluster) {
      int pes = wholePes(group.shape().cpus(), file + ": cluster cpus");
      long mem = Math.max(1, (long) Math.ceil(group.shape().memMb()));
      for (int i = 0; i < group.count(); i++) {
        List<Pe> peList = new ArrayList<>(pes);
        for (int p = 0; p < pes; p++) {
          peList.add(new PeSimple(MIPS_PER_PE));
        }
        hosts.add(new HostSimple(mem, HOST_BW, HOST_STORAGE, peList));
        Vm vm = new VmSimple(MIPS_PER_PE, pes, new CloudletSchedulerSpaceShared());
        vm.setRam(mem).setBw(HOST_BW).setSize(HOST_STORAGE);
        vms.add(vm);
      }
    }
    new DatacenterSimple(simulation, hosts);
    DatacenterBrokerSimple broker = new DatacenterBrokerSimple(simulation);
    double[] origin = {-1};
    NextFreePeMapper ledger = new NextFreePeMapper(vms, c -> c.getLength() / MIPS_PER_PE);
    broker.setVmMapper(cloudlet -> {
      if (origin[0] < 0) {
        origin[0] = simulation.clock();
      }
      return ledger.apply(cloudlet);
    });
    broker.submitVmList(vms);

    Map<Long, UtilizationModel> ramModels = new HashMap<>();
    UtilizationModel cpuModel = new UtilizationModelFull();
    List<Cloudlet> cloudlets = new ArrayList<>();
    int[] jobOf = new int[countTasks(jobs)];
    for (int j = 0; j < jobs.size(); j++) {
      Job job = jobs.get(j);
      for (TaskSpec task : job.tasks()) {
        if (task.unbounded()) {
          throw new IllegalArgumentException(file + ": job " + job.id()
              + ": expected a bounded task duration, found \"unbounded\" (CloudSim cloudlets need a length)");
        }
        int pes = wholePes(task.request().cpus(), file + ": job " + job.id() + " task cpus");
        long mem = Math.max(0, (long) Math.ceil(task.request().memMb()));
        Cloudlet cloudlet = new CloudletSimple(task.durationMicros(), pes, cpuModel);
        cloudlet.setUtilizationModelRam(ramModels.computeIfAbsent(mem,
            m -> new UtilizationModelDynamic(UtilizationModel.Unit.ABSOLUTE, m)));
        cloudlet.setUtilizationModelBw(UtilizationModel.NULL);
        cloudlet.setSubmissionDelay(job.arrivalMicros() / 1e6);
        jobOf[cloudlets.size()] = j;
        cloudlets.add(cloudlet);
      }
    }
    broker.submitCloudletList(cloudlets);
    simulation.start();
    long t2 = System.nanoTime();

    double[] jobFinish = new double[jobs.size()];
    double lastFinish = 0;
    long finished = 0;
    for (int i = 0; i < cloudlets.size(); i++) {
      Cloudlet c = cloudlets.get(i);
      if (!c.isFinished()) {
        continue;
      }
      finished++;
      jobFinish[jobOf[i]] = Math.max(jobFinish[jobOf[i]], c.getFinishTime());
      lastFinish = Math.max(lastFinish, c.getFinishTime());
    }
    if (finished != cloudlets.size()) {
      throw new IllegalStateException("CloudSim Plus finished " + finished + " of " + cloudlets.size()
          + " cloudlets; the rest never ran");
    }
    double sumResponse = 0;
    for (int j = 0; j < jobs.size(); j++) {
      sumResponse += jobFinish[j] - (origin[0] + jobs.get(j).arrivalMicros() / 1e6);
    }
    return new Result(finished, jobs.size(), lastFinish - origin[0], sumResponse / jobs.size(), origin[0],
        ledger.queued(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
  }

  private static int countTasks(List<Job> jobs) {
    long n = 0;
    for (Job job : jobs) {
      n += job.tasks().size();
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("expected at most " + Integer.MAX_VALUE + " tasks, found " + n);
    }
    return (int) n;
  }

  private static int wholePes(double cpus, String what) {
    if (cpus >= 1 && cpus == Math.rint(cpus) && cpus <= Integer.MAX_VALUE) {
      return (int) cpus;
    }
    throw new IllegalArgumentException(what + ": expected a whole number of cores (PEs) >= 1, found " + cpus);
  }

  /** {@code FILE [--min-time-between-events SECONDS]}: simulates the list and prints one line. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    try {
      if (args.length != 1 && args.length != 3) {
        throw new IllegalArgumentException("usage: CloudSimRun FILE [--min-time-between-events SECONDS]");
      }
      double minTime = DEFAULT_MIN_TIME_BETWEEN_EVENTS;
      if (args.length == 3) {
        if (!args[1].equals("--min-time-between-events")) {
          throw new IllegalArgumentException("unknown option '" + args[1]
              + "'; expected --min-time-between-events SECONDS");
        }
        minTime = PeerArgs.positiveDouble(args[1], args[2]);
      }
      Result result = run(Path.of(args[0]), minTime);
      System.out.println(result.summary());
      System.out.printf(Locale.ROOT, "%.0f tasks/s of wall time in main (%.2f s)%n",
          result.tasks() / ((System.nanoTime() - start) / 1e9), (System.nanoTime() - start) / 1e9);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("cloudsim run: " + e.getMessage());
      System.exit(2);
    }
  }
}
