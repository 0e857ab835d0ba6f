package io.offerlab.workloads;

import io.offerlab.workloads.alibaba.AlibabaGpuReader;
import io.offerlab.workloads.google2011.Google2011Reader;
import io.offerlab.workloads.jsonl.NativeReader;
import io.offerlab.workloads.reader.Options;
import io.offerlab.workloads.reader.TraceReader;
import io.offerlab.workloads.swf.SwfReader;
import io.offerlab.workloads.swim.SwimReader;
import io.offerlab.workloads.synthetic.SyntheticReader;

/** The workload formats, each a factory for its reader, named as in {@code FORMAT:PATH} (Caffeine's TraceFormat). */
enum TraceFormat {
  GOOGLE2011("google2011", Google2011Reader::new),
  SWF("swf", SwfReader::new),
  SWIM("swim", SwimReader::new),
  ALIBABA_GPU2023("alibaba-gpu2023", AlibabaGpuReader::new),
  NATIVE("native", NativeReader::new),
  SYNTHETIC("synthetic", SyntheticReader::new);

  /** Opens a reader on the part of the spec after the colon. */
  @FunctionalInterface
  interface Factory {
    TraceReader open(String location, Options options);
  }

  private final String id;
  private final Factory factory;

  TraceFormat(String id, Factory factory) {
    this.id = id;
    this.factory = factory;
  }

  String id() {
    return id;
  }

  TraceReader open(String location, Options options) {
    return factory.open(location, options);
  }
}
