package org.opcat.followup.query.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.authority.AuthorityRegistered;
import org.opcat.followup.query.QueryServiceTest;
import org.opcat.followup.query.processing.Await;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** A projection's log lines carry the correlation id of the request that caused the event. */
@QueryServiceTest
@TestPropertySource(properties = "logging.level.org.opcat.followup.query.logging=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class EventCorrelationTest {

    @Autowired
    EventStore events;

    @Test
    void projectionLogLinesCarryTheRequestsCorrelationId(CapturedOutput output) {
        UUID authority = UUID.randomUUID();
        events.publish(new GenericDomainEventMessage<>("Authority", authority.toString(), 0,
                new AuthorityRegistered(authority, "Ministry of Justice", AuthorityKind.MINISTRY, null),
                MetaData.from(Map.of("recordedBy", "li", "correlationId", "req-from-the-ui-42")),
                UUID.randomUUID().toString(), Instant.now()));
        Await.until("the projection's log line", Duration.ofSeconds(10), () -> output.getAll().contains("projecting AuthorityRegistered"));
        assertThat(output.getAll()).containsPattern("\\[query-service,req-from-the-ui-42\\].*projecting AuthorityRegistered recorded by li");
    }
}
