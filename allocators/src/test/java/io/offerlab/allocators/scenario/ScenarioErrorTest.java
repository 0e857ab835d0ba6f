package io.offerlab.allocators.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad scenario files fail loudly and precisely (ARCHITECTURE.md section 4): each throws {@link ScenarioException}, an
 * {@link IllegalArgumentException} (so the CLI exits 2), whose message is one line that starts with the file name and
 * names the step index and field, or the top-level field, that is wrong ({@code bad.json: steps[3].resources: ...}),
 * or for malformed JSON the line ({@code bad.json:3: ...}).
 */
final class ScenarioErrorTest {
  private static final String FILE = "bad.json";

  static Stream<Arguments> badScenarios() {
    return Stream.of(
        bad("unknown op", "steps[1].op", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:512"},
              {"op": "launchTask", "id": "t1"}
            ]}"""),
        bad("missing op", "steps[0].op", """
            {"allocator": "drf", "steps": [{"id": "a1", "resources": "cpus:1"}]}"""),
        bad("bad resource number", "steps[0].resources", """
            {"allocator": "drf", "steps": [{"op": "addAgent", "id": "a1", "resources": "cpus:x;mem:512"}]}"""),
        bad("resource token without a value", "steps[0].resources", """
            {"allocator": "drf", "steps": [{"op": "addAgent", "id": "a1", "resources": "cpus;mem:512"}]}"""),
        bad("negative resource", "steps[0].resources", """
            {"allocator": "drf", "steps": [{"op": "addAgent", "id": "a1", "resources": "cpus:-1"}]}"""),
        bad("duplicate resource name", "steps[0].resources", """
            {"allocator": "drf", "steps": [{"op": "addAgent", "id": "a1", "resources": "cpus:1;cpus:2"}]}"""),
        bad("bad resource string in recover", "steps[3].resources", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:512"},
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "allocate", "time": 0},
              {"op": "recover", "framework": "A", "agent": "a1", "resources": "cpus:1;mem:", "time": 0}
            ]}"""),
        bad("unknown agent in recover", "steps[3].agent", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:512"},
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "allocate", "time": 0},
              {"op": "recover", "framework": "A", "agent": "a9", "resources": "cpus:1", "time": 0}
            ]}"""),
        bad("unknown agent in allocate", "steps[2].agents", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:512"},
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "allocate", "time": 0, "agents": ["a1", "a9"]}
            ]}"""),
        bad("uses larger than the agent", "steps[0].used", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1", "used": {"A": "cpus:1", "B": "cpus:0.5"}}
            ]}"""),
        bad("used is not an object", "steps[0].used", """
            {"allocator": "drf", "steps": [{"op": "addAgent", "id": "a1", "resources": "cpus:1", "used": "cpus:1"}]}"""),
        bad("bad resources in used", "steps[0].used.A", """
            {"allocator": "drf", "steps": [{"op": "addAgent", "id": "a1", "resources": "cpus:1", "used": {"A": "cpus:x"}}]}"""),
        bad("unknown agent in updateAgent", "steps[0].id", """
            {"allocator": "drf", "steps": [{"op": "updateAgent", "id": "a9", "resources": "cpus:1"}]}"""),
        bad("bad resources in updateAgent", "steps[1].resources", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1"},
              {"op": "updateAgent", "id": "a1", "resources": "cpus:-1"}
            ]}"""),
        bad("updateAgent with ranges", "steps[1].resources", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1;ports:[31000-32000]"},
              {"op": "updateAgent", "id": "a1", "resources": "cpus:2;ports:[31000-32000]"}
            ]}"""),
        bad("resource provider on an unknown agent", "steps[0].agent", """
            {"allocator": "drf", "steps": [{"op": "addResourceProvider", "agent": "a9", "resources": "cpus:1"}]}"""),
        bad("resource provider used by an unknown framework", "steps[1].used", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1"},
              {"op": "addResourceProvider", "agent": "a1", "resources": "cpus:1", "used": {"B": "cpus:1"}}
            ]}"""),
        bad("resource provider uses more than is free", "steps[3].used", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1"},
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "allocate", "time": 0},
              {"op": "addResourceProvider", "agent": "a1", "resources": "cpus:1", "used": {"A": "cpus:1.5"}}
            ]}"""),
        bad("unknown agent in removeAgent", "steps[0].id", """
            {"allocator": "drf", "steps": [{"op": "removeAgent", "id": "a9"}]}"""),
        bad("duplicate agent", "steps[1].id", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1"},
              {"op": "addAgent", "id": "a1", "resources": "cpus:2"}
            ]}"""),
        bad("unknown framework in recover", "steps[2].framework", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:512"},
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "recover", "framework": "B", "agent": "a1", "resources": "cpus:1", "time": 0}
            ]}"""),
        bad("unknown framework in suppress", "steps[0].framework", """
            {"allocator": "drf", "steps": [{"op": "suppress", "framework": "B"}]}"""),
        bad("unknown framework in revive", "steps[0].framework", """
            {"allocator": "drf", "steps": [{"op": "revive", "framework": "B"}]}"""),
        bad("unknown framework in deactivateFramework", "steps[0].id", """
            {"allocator": "drf", "steps": [{"op": "deactivateFramework", "id": "B"}]}"""),
        bad("empty role in setWeight", "steps[1].role", """
            {"allocator": "drf", "steps": [
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "setWeight", "role": "", "weight": 2.0}
            ]}"""),
        bad("non-positive weight", "steps[1].weight", """
            {"allocator": "drf", "steps": [
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "setWeight", "role": "r1", "weight": 0}
            ]}"""),
        bad("missing resources", "steps[0].resources", """
            {"allocator": "drf", "steps": [{"op": "addAgent", "id": "a1"}]}"""),
        bad("missing agent in recover", "steps[3].agent", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:512"},
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "allocate", "time": 0},
              {"op": "recover", "framework": "A", "resources": "cpus:1", "time": 0}
            ]}"""),
        bad("missing weight", "steps[1].weight", """
            {"allocator": "drf", "steps": [
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "setWeight", "role": "r1"}
            ]}"""),
        bad("unknown field in a step", "steps[0].colour", """
            {"allocator": "drf", "steps": [{"op": "addAgent", "id": "a1", "resources": "cpus:1", "colour": "red"}]}"""),
        bad("time going backwards", "steps[3].time", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:512"},
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "allocate", "time": 5.0},
              {"op": "allocate", "time": 4.0}
            ]}"""),
        bad("time going backwards in recover", "steps[3].time", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:512"},
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "allocate", "time": 5.0},
              {"op": "recover", "framework": "A", "agent": "a1", "resources": "cpus:1", "time": 1.0}
            ]}"""),
        bad("time that is not a number", "steps[1].time", """
            {"allocator": "drf", "steps": [
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "allocate", "time": "soon"}
            ]}"""),
        bad("recovering more than held", "steps[3].resources", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:512"},
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "allocate", "time": 0},
              {"op": "recover", "framework": "A", "agent": "a1", "resources": "cpus:2", "time": 0}
            ]}"""),
        bad("recovering what another framework holds", "steps[4].resources", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:512"},
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "allocate", "time": 0},
              {"op": "addFramework", "id": "B", "role": "r2"},
              {"op": "recover", "framework": "B", "agent": "a1", "resources": "cpus:1", "time": 0}
            ]}"""),
        bad("negative refuseSeconds", "steps[3].refuseSeconds", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1;mem:512"},
              {"op": "addFramework", "id": "A", "role": "r1"},
              {"op": "allocate", "time": 0},
              {"op": "recover", "framework": "A", "agent": "a1", "resources": "cpus:1", "refuseSeconds": -1, "time": 0}
            ]}"""),
        bad("bad JSON", FILE + ":3", """
            {"allocator": "drf", "steps": [
              {"op": "addAgent", "id": "a1", "resources": "cpus:1"},
              {"op": "addFramework" "id": "A"}
            ]}"""),
        bad("not a JSON object", FILE, """
            ["allocator", "drf"]"""),
        bad("unknown top-level field", "colour", """
            {"allocator": "drf", "colour": "red", "steps": []}"""),
        bad("unknown allocator", "allocator", """
            {"allocator": "fifo", "steps": []}"""),
        bad("missing allocator", "allocator", """
            {"steps": []}"""),
        bad("missing steps", "steps", """
            {"allocator": "drf"}"""),
        bad("step that is not an object", "steps[0]", """
            {"allocator": "drf", "steps": ["addAgent"]}"""),
        bad("seed that is not an integer", "seed", """
            {"allocator": "random", "seed": 1.5, "steps": []}"""),
        bad("unknown option", "options.bogus", """
            {"allocator": "drf", "options": {"bogus": 1}, "steps": []}"""),
        bad("options that are not an object", "options", """
            {"allocator": "drf", "options": [1], "steps": []}"""),
        bad("priority that is not an integer", "options.priorities.prod", """
            {"allocator": "priority", "options": {"priorities": {"prod": "high"}}, "steps": []}"""),
        bad("partition fraction above 1", "options.partitions.alpha", """
            {"allocator": "static", "options": {"partitions": {"alpha": 1.5}}, "steps": []}"""),
        bad("agent in two partitions", "options", """
            {"allocator": "static", "options": {"partitions": {"alpha": ["a1"], "beta": ["a1"]}}, "steps": []}"""),
        bad("bad minAllocatable resource", "options.minAllocatable", """
            {"allocator": "drf", "options": {"minAllocatable": ["cpus:lots"]}, "steps": []}"""),
        bad("negative minFilterSeconds", "options.minFilterSeconds", """
            {"allocator": "drf", "options": {"minFilterSeconds": -1}, "steps": []}"""),
        bad("unknown offer size", "options.offerSize", """
            {"allocator": "drf", "options": {"offerSize": "half"}, "steps": []}"""),
        bad("malformed slot size", "options.slotSize", """
            {"allocator": "slots", "options": {"slotSize": "cpus:one"}, "steps": []}"""),
        bad("slot size with ranges", "options.slotSize", """
            {"allocator": "slots", "options": {"slotSize": "ports:[1-2]"}, "steps": []}"""),
        bad("slot size that is not a string", "options.slotSize", """
            {"allocator": "slots", "options": {"slotSize": 2}, "steps": []}"""));
  }

  private static Arguments bad(String what, String field, String json) {
    return Arguments.of(what, field, json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badScenarios")
  void badScenarioFailsWithOneLineNamingTheField(String what, String field, String json) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioRunner.run(FILE, json), what);
    assertInstanceOf(IllegalArgumentException.class, e);
    String message = e.getMessage();
    assertFalse(message.contains("\n") || message.contains("\r"), "message is not one line: " + message);
    assertTrue(message.startsWith(FILE + ":"), "message does not start with the file name: " + message);
    assertTrue(message.contains(field + ":"), "message does not name '" + field + "': " + message);
  }
}
