package org.opcat.followup.query.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opcat.followup.query.QueryServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast the list answers over many recommendations: not a test of correctness, so it runs only
 * when asked: {@code mvn -o -pl query-service test -Dtest=ListSpeedBench -Dbench=true}
 * ({@code -Dbench.rows=100000}). Rows go straight into the read tables (the projectors are not what
 * is measured here); each query is asked 11 times over HTTP and the median printed.
 */
@QueryServiceTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ListSpeedBench {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void list_queries_over_many_recommendations() {
        int rows = Integer.getInteger("bench.rows", 100_000);
        // 1 ministry, 10 administrations under it, 100 place managements under those.
        jdbc.update("INSERT INTO authority SELECT '00000000-0000-0000-0000-000000000001', 'Ministry', 'MINISTRY', NULL");
        jdbc.update("""
                INSERT INTO authority SELECT CAST(lpad(to_hex(i), 32, '0') AS uuid), 'Administration ' || i,
                    'DETENTION_ADMINISTRATION', '00000000-0000-0000-0000-000000000001'
                FROM generate_series(16, 25) i""");
        jdbc.update("""
                INSERT INTO authority SELECT CAST(lpad(to_hex(i), 32, '0') AS uuid), 'Management ' || i,
                    'PLACE_MANAGEMENT', CAST(lpad(to_hex(16 + i % 10), 32, '0') AS uuid)
                FROM generate_series(256, 355) i""");
        long start = System.nanoTime();
        jdbc.update("""
                INSERT INTO recommendation_summary (recommendation_id, reference, title, language, issued_on, place_id,
                    addressee_authority_ids, themes, scope, priority, confidential, response_due_on, stage, open,
                    implementation_status, authority_position, last_activity_on, version, search_text,
                    status_closure, status_responded, status_action_plan)
                SELECT gen_random_uuid(), 'B/' || i, t.title, 'zh', DATE '2020-01-01' + (i % 2300), NULL,
                    ARRAY[CAST(lpad(to_hex(256 + i % 100), 32, '0') AS uuid)],
                    ARRAY[(ARRAY['health-care','use-of-force','juveniles','safeguards'])[1 + i % 4]],
                    'SYSTEMIC', (ARRAY['URGENT','HIGH','NORMAL'])[1 + i % 3], false,
                    DATE '2020-03-01' + (i % 2300),
                    (ARRAY['AWAITING_RESPONSE','RESPONDED','ACTION_PLAN_FILED','IMPLEMENTED','WITHDRAWN'])[1 + i % 5],
                    i % 5 < 3, 'NOT_ASSESSED', 'NONE', DATE '2020-01-01' + (i % 2300), 0,
                    lower('b/' || i || E'\\n' || t.title || E'\\n' || t.text), 'OPEN', false, false
                FROM generate_series(1, ?) i,
                LATERAL (SELECT CASE WHEN i % 1000 = 0 THEN '制订行动计划' ELSE '改善拘留条件第' || i || '号' END AS title,
                    repeat('国家预防机制应定期核查建议的执行工作，主要是对有问题的机构进行后续查访。', 4)
                        || ' Conditions of detention, item ' || i AS text) t
                """, rows);
        jdbc.execute("ANALYZE recommendation_summary");
        System.out.printf("bench: %d summary rows inserted in %d ms%n", rows, (System.nanoTime() - start) / 1_000_000);

        if (Boolean.getBoolean("bench.explain")) {
            String supervised = RecommendationQueries.SUPERVISED_AUTHORITIES.replace(":authorityId",
                    "'00000000-0000-0000-0000-000000000001'");
            for (String where : List.of("addressee_authority_ids && ARRAY(" + supervised + ")",
                    "addressee_authority_ids && ARRAY(" + supervised + ") AND open AND strpos(search_text, '行动计划') > 0")) {
                jdbc.queryForList("EXPLAIN ANALYZE SELECT count(*) FROM recommendation_summary s WHERE " + where,
                        String.class).forEach(line -> System.out.println("explain: " + line));
            }
        }
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("first page, default sort", "/api/recommendations");
        queries.put("page 200, sort priority", "/api/recommendations?page=200&sort=priority");
        queries.put("open + priority + theme", "/api/recommendations?open=true&priority=URGENT&theme=juveniles");
        queries.put("responseOverdue=true", "/api/recommendations?responseOverdue=true");
        queries.put("authorityId = ministry (111 bodies)",
                "/api/recommendations?authorityId=00000000-0000-0000-0000-000000000001");
        queries.put("authorityId = one administration (11 bodies)",
                "/api/recommendations?authorityId=00000000-0000-0000-0000-000000000010");
        queries.put("q rare Chinese word", "/api/recommendations?q={q}");
        queries.put("q in every text, 2 words", "/api/recommendations?q={q2}");
        queries.put("q + authority + open", "/api/recommendations?q={q}&open=true&authorityId=00000000-0000-0000-0000-000000000001");
        queries.put("dashboard", "/api/dashboard");
        Map<String, String> variables = Map.of("q", "行动计划", "q2", "后续查访 detention");

        for (Map.Entry<String, String> query : queries.entrySet()) {
            List<Long> micros = new ArrayList<>();
            long total = -1;
            for (int i = 0; i < 11; i++) {
                long t0 = System.nanoTime();
                ResponseEntity<JsonNode> answer = http.getForEntity(query.getValue(), JsonNode.class, variables);
                micros.add((System.nanoTime() - t0) / 1000);
                assertThat(answer.getStatusCode().value()).isEqualTo(200);
                total = answer.getBody().has("totalElements") ? answer.getBody().get("totalElements").asLong()
                        : answer.getBody().get("total").asLong();
            }
            Collections.sort(micros);
            System.out.printf("bench: %-45s median %6.1f ms  (%d matching)%n", query.getKey(), micros.get(5) / 1000.0,
                    total);
        }
    }
}
