package org.opcat.followup.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api.Answer;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.api.ProblemType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Several command-service instances on one database: an instance that did not see the last write
 * holds a stale state in its aggregate cache. Here the other instance's write is appended to the
 * store directly, so this instance's cache keeps version 1 while the store is at version 2.
 */
@CommandServiceTest
class StaleCachedStateTest {

    @Autowired
    Api api;

    @Autowired
    @Qualifier("aggregateCache")
    Cache cache;

    @Autowired
    EventStore events;

    UUID ministry;
    String id;

    @BeforeEach
    void aRecommendationWithTwoResponsesWhoseCacheMissedTheSecond() {
        ministry = api.registerAuthority("司法部 " + UUID.randomUUID(), "MINISTRY", null);
        UUID prison = api.registerPlace("看守所 " + UUID.randomUUID(), "PRE_TRIAL_DETENTION", ministry);
        id = api.post("/api/recommendations", CommandApiTest.recommendation("2025/S-" + UUID.randomUUID(), prison, ministry))
                .json().get("recommendationId").asText();
        assertThat(respond(0).status()).isEqualTo(201);
        assertThat(cache.containsKey(id)).isTrue();
        // The other instance's write: straight into the store, unseen by this instance's cache.
        events.publish(new GenericDomainEventMessage<>("Recommendation", id, 2, new AuthorityResponseRecorded(
                UUID.fromString(id), UUID.randomUUID(), ministry, LocalDate.parse("2025-07-02"), Channel.MEETING,
                Position.UNDER_CONSIDERATION, "会谈纪要 1", null), MetaData.with("recordedBy", "analyst")));
    }

    @Test
    void a_write_without_if_match_reloads_the_history_and_succeeds() {
        Answer answer = respond(2);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("version").asLong()).isEqualTo(3);
        assertThat(sequence()).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void a_write_with_the_current_version_as_if_match_succeeds() {
        Answer answer = respond(2, "If-Match", "\"2\"");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("version").asLong()).isEqualTo(3);
        assertThat(sequence()).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void a_write_with_a_stale_if_match_is_a_conflict_and_stores_nothing() {
        Answer answer = respond(2, "If-Match", "\"1\"");

        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo(ProblemType.BASE + "conflict");
        assertThat(sequence()).containsExactly(0L, 1L, 2L);
        // The failed append evicted the stale state: the next write sees the true version.
        assertThat(respond(3, "If-Match", "\"2\"").status()).isEqualTo(201);
    }

    private Answer respond(int n, String... headers) {
        return api.post("/api/recommendations/" + id + "/responses", Map.of("authorityId", ministry,
                "receivedOn", "2025-07-0" + (n + 1), "channel", "MEETING", "position", "UNDER_CONSIDERATION",
                "text", "会谈纪要 " + n), headers);
    }

    private List<Long> sequence() {
        return api.jdbc().queryForList("SELECT sequenceNumber FROM events.domain_event_entry "
                + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", Long.class, id);
    }
}
