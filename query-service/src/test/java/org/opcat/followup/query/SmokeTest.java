package org.opcat.followup.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@QueryServiceTest
class SmokeTest {

    @Autowired
    EventLog events;
    @Autowired
    TestRestTemplate http;

    @Test
    void issued_recommendation_is_readable() {
        UUID id = UUID.randomUUID();
        events.recommendation(id).then(new RecommendationIssued(id, "2026/V-001/R-01", "标题", "文本", "zh",
                LocalDate.of(2026, 1, 5), new Source(SourceKind.VISIT_REPORT, "V-001"), null,
                List.of(UUID.randomUUID()), List.of("health-care"), Scope.SYSTEMIC, Priority.HIGH, List.of(),
                null, false), "alice", FixedClock.at(LocalDate.of(2026, 1, 6)));
        Map<?, ?> body = http.getForObject("/api/recommendations/" + id + "?minVersion=0", Map.class);
        System.out.println(body);
        assertThat(body.get("reference")).isEqualTo("2026/V-001/R-01");
    }
}
