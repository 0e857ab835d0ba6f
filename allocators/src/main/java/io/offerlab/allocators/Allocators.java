package io.offerlab.allocators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of allocators: every allocator is listed here explicitly, by the name in its {@link AllocatorSpec}
 * (no classpath scanning, after Caffeine simulator's {@code Registry}).
 */
public final class Allocators {
  private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

  static {
    register(DrfAllocator.class, DrfAllocator::new);
    register(RandomAllocator.class, RandomAllocator::new);
    register(PriorityAllocator.class, PriorityAllocator::new);
    register(StaticAllocator.class, StaticAllocator::new);
    register(AssetAllocator.class, AssetAllocator::new);
    register(SlotsAllocator.class, SlotsAllocator::new);
    register(DrfSizedAllocator.class, DrfSizedAllocator::new);
  }

  private Allocators() {}

  private static void register(Class<? extends Allocator> type, Function<AllocatorOptions, Allocator> factory) {
    AllocatorSpec spec = type.getAnnotation(AllocatorSpec.class);
    REGISTRY.put(spec.name(), new Entry(spec, factory));
  }

  /** Returns the registered names, in registration order. */
  public static List<String> names() {
    return List.copyOf(REGISTRY.keySet());
  }

  /** Returns the spec of a named allocator. */
  public static AllocatorSpec spec(String name) {
    return entry(name).spec();
  }

  /** Creates a named allocator. */
  public static Allocator create(String name, AllocatorOptions options) {
    return entry(name).factory().apply(options);
  }

  private static Entry entry(String name) {
    Entry entry = REGISTRY.get(name);
    if (entry == null) {
      throw new IllegalArgumentException("unknown allocator '" + name + "': expected one of " + names());
    }
    return entry;
  }

  private record Entry(AllocatorSpec spec, Function<AllocatorOptions, Allocator> factory) {}
}
