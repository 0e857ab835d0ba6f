package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.offerlab.realruntime.agent.AgentRuntime;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that stops heartbeating is removed after the agent timeout: the core rescinds its offers (RESCIND) and
 * frameworks get FAILURE with its id, as Mesos' master does when it removes an agent.
 */
class AgentRemovalTest {
  @TempDir
  Path work;
  private MasterRuntime master;

  @AfterEach
  void stop() {
    master.close();
  }

  @Test
  void aSilentAgentIsRemovedItsOffersRescindedAndFrameworksToldFailure() throws Exception {
    master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100),
        Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMillis(300)));
    String at = "127.0.0.1:" + master.port();
    AgentRuntime agent = AgentRuntime.start(new AgentRuntime.Options(at, "127.0.0.1", 0, null, "cpus:1;mem:256",
        work, "none", null));
    try (var framework = new RawScheduler(at, "removal")) {
      Offer offer = framework.await(e -> e.getType() == Event.Type.OFFERS).getOffers().getOffers(0);
      agent.close();
      Event rescind = framework.await(e -> e.getType() == Event.Type.RESCIND);
      assertEquals(offer.getId(), rescind.getRescind().getOfferId());
      Event failure = framework.await(e -> e.getType() == Event.Type.FAILURE);
      assertEquals(offer.getAgentId(), failure.getFailure().getAgentId());
    } finally {
      agent.close();
    }
  }
}
