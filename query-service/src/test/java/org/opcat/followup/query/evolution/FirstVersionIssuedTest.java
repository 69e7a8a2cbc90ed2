package org.opcat.followup.query.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opcat.followup.query.QueryServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** An issued event stored in its first shape (no revision, no scope) is read as the current one here too. */
@QueryServiceTest
class FirstVersionIssuedTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void theQuerySideReadsTheOldShapeWithTheDocumentedScope() {
        UUID systemic = UUID.randomUUID();
        UUID atAPlace = UUID.randomUUID();
        insertFirstVersion(systemic, "2019/V-003/R-07", "null");
        insertFirstVersion(atAPlace, "2019/V-003/R-08", "\"" + UUID.randomUUID() + "\"");

        JsonNode first = http.getForObject("/api/recommendations/" + systemic + "?minVersion=0", JsonNode.class);
        JsonNode second = http.getForObject("/api/recommendations/" + atAPlace + "?minVersion=0", JsonNode.class);
        assertThat(first.get("scope").asText()).isEqualTo("SYSTEMIC");
        assertThat(first.get("title").asText()).isEqualTo("完善投诉机制");
        assertThat(second.get("scope").asText()).isEqualTo("PLACE_SPECIFIC");
    }

    private void insertFirstVersion(UUID id, String reference, String placeId) {
        String v1 = """
                {"recommendationId":"%s","reference":"%s","title":"完善投诉机制","text":"应建立保密的投诉渠道。",
                 "language":"zh","issuedOn":"2019-05-06","source":{"kind":"VISIT_REPORT","documentReference":"V-003"},
                 "placeId":%s,"addresseeAuthorityIds":["%s"],"themes":["complaints"],"priority":"NORMAL",
                 "standards":[],"responseDueOn":null,"confidential":false}""".formatted(id, reference, placeId, UUID.randomUUID());
        jdbc.update("INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                        + "metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, 0, 'Recommendation', ?, ?, ?, NULL, ?, ?)",
                id.toString(), UUID.randomUUID().toString(), "{\"recordedBy\":\"migration-2019\"}".getBytes(StandardCharsets.UTF_8),
                v1.getBytes(StandardCharsets.UTF_8), "org.opcat.followup.events.recommendation.RecommendationIssued",
                "2019-05-06T09:00:00.000Z");
    }
}
