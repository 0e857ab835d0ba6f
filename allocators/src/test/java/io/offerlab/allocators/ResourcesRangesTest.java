package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Range resources inside {@link Resources}: Mesos' text form, arithmetic beside the scalars, shares of scalars only. */
class ResourcesRangesTest {
  private static final Resources AGENT = Resources.parse("cpus:4;mem:1024;ports:[31000-32000,32100-32200]");

  @Test
  void textFormKeepsNamesInOrder() {
    assertEquals("cpus:4;mem:1024;ports:[31000-32000,32100-32200]", AGENT.toString());
    assertEquals(AGENT, Resources.parse(AGENT.toString()));
    assertEquals("ephemeral_ports:[1-2];gpus:1", Resources.parse("gpus:1;ephemeral_ports:[1-2]").toString());
    assertTrue(Resources.parse("ports:[]").isEmpty());
  }

  @Test
  void addingSubtractingAndContainment() {
    Resources used = Resources.parse("cpus:1;ports:[31000-31009]");
    Resources left = AGENT.minus(used);
    assertEquals("cpus:3;mem:1024;ports:[31010-32000,32100-32200]", left.toString());
    assertEquals(AGENT, left.plus(used));
    assertTrue(AGENT.contains(used));
    assertFalse(left.contains(used), "the ports taken are gone");
    assertFalse(AGENT.contains(Resources.parse("ports:[31990-32150]")), "a range across the gap is not inside");
    assertTrue(AGENT.scalars().contains(Resources.parse("cpus:4")));
    assertFalse(AGENT.scalars().contains(Resources.parse("ports:[31000-31000]")));
    assertThrows(IllegalArgumentException.class, () -> left.minus(used));
  }

  @Test
  void dominantSharesIgnoreRanges() {
    Resources total = Resources.parse("cpus:10;mem:1000;ports:[1-10]");
    assertEquals(0.1, Resources.parse("cpus:1;ports:[1-10]").dominantShare(total), 1e-12);
    assertEquals(0.0, Resources.parse("ports:[1-10]").dominantShare(total), 0.0);
  }

  @Test
  void aNameIsEitherScalarOrRanges() {
    assertEquals("bad resource token 'ports:[1-2]': duplicate name 'ports'",
        assertThrows(IllegalArgumentException.class, () -> Resources.parse("ports:3;ports:[1-2]")).getMessage());
  }
}
