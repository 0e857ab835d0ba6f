package io.offerlab.workloads.synthetic;

import io.offerlab.workloads.reader.Options;

/** The named synthetic mixes, each a factory, as {@code synthetic:NAME} names them. */
enum Mix {
  MESOS_PAPER("mesos-paper") {
    @Override
    Generated create(long seed, Options options) {
      return MesosPaperMix.create(seed);
    }
  },
  DRF_EXAMPLE("drf-example") {
    @Override
    Generated create(long seed, Options options) {
      return DrfExampleMix.create(options);
    }

    @Override
    String suggestedConfig() {
      return DrfExampleMix.SUGGESTED_CONFIG;
    }
  },
  OMEGA_BATCH_SERVICE("omega-batch-service") {
    @Override
    Generated create(long seed, Options options) {
      return OmegaBatchServiceMix.create(seed);
    }
  },
  POISSON("poisson") {
    @Override
    Generated create(long seed, Options options) {
      return PoissonMix.create(seed, options);
    }
  };

  private final String id;

  Mix(String id) {
    this.id = id;
  }

  /** Returns the name used in {@code synthetic:NAME}. */
  String id() {
    return id;
  }

  /** Returns framework settings the mix suggests, as config YAML a run's config can override, or null. */
  String suggestedConfig() {
    return null;
  }

  /** Builds the mix's sources, reading its options. */
  abstract Generated create(long seed, Options options);
}
