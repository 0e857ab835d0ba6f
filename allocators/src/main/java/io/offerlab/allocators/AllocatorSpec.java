package io.offerlab.allocators;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names an allocator and declares its traits; read by {@link Allocators} (after Caffeine simulator's PolicySpec). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AllocatorSpec {
  /** The name used on the command line and in scenario files. */
  String name();

  /** The capabilities the allocator has. */
  Trait[] traits() default {};

  /** One line saying what it is. */
  String description() default "";
}
