package io.offerlab.workloads.swim;

import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.reader.Options;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns a SWIM job's byte sizes into tasks. Maps: one per {@code swim.bytesPerMap} of input (at least one), each
 * reading its share at {@code swim.mapBytesPerSecond}. Reduces: one per {@code swim.bytesPerReduce} of shuffle (none
 * when the shuffle is zero: a map-only job), each reading its share of the shuffle at
 * {@code swim.shuffleBytesPerSecond} and writing its share of the output at {@code swim.outputBytesPerSecond}; a
 * map-only job's maps write the output instead. Every task also pays {@code swim.taskOverheadSeconds}.
 */
final class TaskModel {
  static final double MIB = 1024 * 1024;

  private final double bytesPerMap;
  private final double bytesPerReduce;
  private final double mapRate;
  private final double shuffleRate;
  private final double outputRate;
  private final double overhead;
  private final ResourceShape mapShape;
  private final ResourceShape reduceShape;
  private final long maxTasks;

  /** Reads the {@code swim.*} options. */
  TaskModel(Options options) {
    bytesPerMap = options.positiveDouble("swim.bytesPerMap", 128 * MIB);
    bytesPerReduce = options.positiveDouble("swim.bytesPerReduce", 1024 * MIB);
    mapRate = options.positiveDouble("swim.mapBytesPerSecond", 8 * MIB);
    shuffleRate = options.positiveDouble("swim.shuffleBytesPerSecond", 8 * MIB);
    outputRate = options.positiveDouble("swim.outputBytesPerSecond", 8 * MIB);
    overhead = options.nonNegativeDouble("swim.taskOverheadSeconds", 2);
    mapShape = ResourceShape.of(options.positiveDouble("swim.mapCpus", 1), options.positiveDouble("swim.mapMemMb", 1024));
    reduceShape = ResourceShape.of(options.positiveDouble("swim.reduceCpus", 1),
        options.positiveDouble("swim.reduceMemMb", 1024));
    maxTasks = options.positiveInt("swim.maxTasksPerJob", 1_000_000);
  }

  /** Returns the number of maps for {@code input} bytes. */
  long maps(double input) {
    return Math.max(1, (long) Math.ceil(input / bytesPerMap));
  }

  /** Returns the number of reduces for {@code shuffle} bytes. */
  long reduces(double shuffle) {
    return shuffle <= 0 ? 0 : (long) Math.ceil(shuffle / bytesPerReduce);
  }

  /** Returns the largest number of tasks a job may have. */
  long maxTasks() {
    return maxTasks;
  }

  /** Builds the map tasks, then the reduce tasks, of one job. */
  List<TaskSpec> tasks(double input, double shuffle, double output) {
    long maps = maps(input);
    long reduces = reduces(shuffle);
    double mapSeconds = overhead + input / maps / mapRate + (reduces == 0 ? output / maps / outputRate : 0);
    TaskSpec map = TaskSpec.of(mapShape, micros(mapSeconds));
    if (reduces == 0) {
      return Collections.nCopies((int) maps, map);
    }
    double reduceSeconds = overhead + shuffle / reduces / shuffleRate + output / reduces / outputRate;
    TaskSpec reduce = TaskSpec.of(reduceShape, micros(reduceSeconds));
    List<TaskSpec> tasks = new ArrayList<>((int) (maps + reduces));
    tasks.addAll(Collections.nCopies((int) maps, map));
    tasks.addAll(Collections.nCopies((int) reduces, reduce));
    return tasks;
  }

  private static long micros(double seconds) {
    return Math.round(seconds * 1e6);
  }
}
