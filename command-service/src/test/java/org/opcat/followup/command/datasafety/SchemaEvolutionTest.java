package org.opcat.followup.command.datasafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.CommandServiceTest;
import org.springframework.beans.factory.annotation.Autowired;

/** An issued event stored in its first shape (no revision, no scope) is read as the current one. */
@CommandServiceTest
class SchemaEvolutionTest {

    @Autowired
    Api api;

    @Test
    void aFirstVersionIssuedEventIsReadWithTheDocumentedScope() {
        UUID authority = api.registerAuthority("司法部", "MINISTRY", null);
        UUID id = UUID.randomUUID();
        String v1 = """
                {"recommendationId":"%s","reference":"2019/V-003/R-07","title":"完善投诉机制","text":"应建立保密的投诉渠道。",
                 "language":"zh","issuedOn":"2019-05-06","source":{"kind":"VISIT_REPORT","documentReference":"V-003"},
                 "placeId":null,"addresseeAuthorityIds":["%s"],"themes":["complaints"],"priority":"NORMAL",
                 "standards":[],"responseDueOn":null,"confidential":false}""".formatted(id, authority);
        api.jdbc().update("INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                        + "metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, 0, 'Recommendation', ?, ?, ?, NULL, ?, ?)",
                id.toString(), UUID.randomUUID().toString(), "{\"recordedBy\":\"migration-2019\"}".getBytes(StandardCharsets.UTF_8),
                v1.getBytes(StandardCharsets.UTF_8), "org.opcat.followup.events.recommendation.RecommendationIssued",
                "2019-05-06T09:00:00.000Z");

        Map<String, Object> current = new java.util.HashMap<>(Map.of("recommendationId", id, "reference", "2019/V-003/R-07",
                "title", "完善投诉机制", "text", "应建立保密的投诉渠道。", "language", "zh", "issuedOn", "2019-05-06",
                "source", Map.of("kind", "VISIT_REPORT", "documentReference", "V-003"),
                "addresseeAuthorityIds", List.of(authority), "themes", List.of("complaints")));
        current.putAll(Map.of("priority", "NORMAL", "standards", List.of(), "confidential", false, "scope", "SYSTEMIC"));
        // Read with scope SYSTEMIC (it names no place): the same content repeated is recognised as such.
        var repeat = api.post("/api/recommendations", current);
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(201);
        // Other content under the same id is a conflict with the upcast event, as with any stored one.
        current.put("priority", "HIGH");
        assertThat(api.post("/api/recommendations", current).status()).isEqualTo(409);

        var response = api.post("/api/recommendations/" + id + "/responses", Map.of("authorityId", authority,
                "receivedOn", "2019-07-01", "channel", "WRITTEN", "position", "ACCEPTED", "text", "已建立投诉信箱"));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("version").asLong()).isEqualTo(1);
        assertThat(api.jdbc().queryForObject("SELECT payloadRevision FROM events.domain_event_entry "
                + "WHERE aggregateIdentifier = ? AND sequenceNumber = 0", String.class, id.toString())).isNull();
    }
}
