package org.opcat.followup.query.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opcat.followup.query.QueryServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The list's exact totals (counted only when the page cannot tell them), the trigram candidates of
 * q (V101, kept by triggers), the authority filter with the supervised ids inlined, and the
 * one-statement dashboard, each checked against the plain answer computed here over a few hundred
 * generated summaries (written straight into the read table, as ListSpeedBench does).
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListAndDashboardAtScaleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15); // FixedClock
    static final String[] THEMES = {"health-care", "use-of-force", "juveniles"};
    static final String[] STAGES = {"AWAITING_RESPONSE", "RESPONDED", "ACTION_PLAN_FILED", "IMPLEMENTED", "WITHDRAWN"};
    static final String[] PRIORITIES = {"URGENT", "HIGH", "NORMAL"};
    static final String[] STATUSES = {"NOT_ASSESSED", "IN_PROGRESS", "IMPLEMENTED"};
    static final String[] WORDS = {"行动计划", "医疗", "ventilation", "x\\abc", "cells_1", "100%"};

    record Row(UUID id, String reference, LocalDate issuedOn, UUID place, List<UUID> addressees, List<String> themes,
               String priority, String stage, boolean open, String status, LocalDate dueOn, String searchText) {
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    final List<Row> rows = new ArrayList<>();
    // ministry 0 -> administrations 1, 2 -> managements 3 (under 1), 4 (under 2); 5 stands alone.
    final UUID[] authorities = new UUID[6];
    final UUID[] places = new UUID[3];

    @BeforeAll
    void generate() {
        for (int a = 0; a < authorities.length; a++) {
            authorities[a] = UUID.randomUUID();
        }
        UUID[] parents = {null, authorities[0], authorities[0], authorities[1], authorities[2], null};
        for (int a = 0; a < authorities.length; a++) {
            jdbc.update("INSERT INTO authority VALUES (?, ?, 'OTHER', ?)", authorities[a], "Authority " + a, parents[a]);
        }
        String[] types = {"PRISON", "POLICE_STATION"};
        for (int p = 0; p < places.length; p++) {
            places[p] = UUID.randomUUID();
            if (p < types.length) { // the last one is not in the register: UNKNOWN
                jdbc.update("INSERT INTO place VALUES (?, ?, ?, 'North', NULL)", places[p], "Place " + p, types[p]);
            }
        }
        Random random = new Random(42);
        for (int r = 0; r < 300; r++) {
            List<UUID> addressees = new ArrayList<>(List.of(authorities[1 + random.nextInt(5)]));
            if (random.nextInt(3) == 0 && !addressees.contains(authorities[0])) {
                addressees.add(authorities[0]);
            }
            List<String> themes = new ArrayList<>(List.of(THEMES[random.nextInt(3)]));
            if (random.nextInt(4) == 0 && !themes.contains("juveniles")) {
                themes.add("juveniles");
            }
            String stage = STAGES[random.nextInt(5)];
            String text = "Recommendation " + r + " " + WORDS[random.nextInt(WORDS.length)] + " "
                    + WORDS[random.nextInt(WORDS.length)];
            Row row = new Row(UUID.randomUUID(), String.format("S/%03d", r),
                    TODAY.minusDays(random.nextInt(800) - 5), // a few issued "in the future": bucket 0-90
                    random.nextInt(4) == 0 ? null : places[random.nextInt(places.length)], addressees, themes,
                    PRIORITIES[random.nextInt(3)], stage, !stage.equals("IMPLEMENTED") && !stage.equals("WITHDRAWN"),
                    STATUSES[random.nextInt(3)], random.nextBoolean() ? null : TODAY.minusDays(random.nextInt(200) - 100),
                    SearchText.of(String.format("S/%03d", r), "Title " + r, text));
            rows.add(row);
            jdbc.update("""
                    INSERT INTO recommendation_summary (recommendation_id, reference, title, language, issued_on, place_id,
                        addressee_authority_ids, themes, scope, priority, confidential, response_due_on, stage, open,
                        implementation_status, authority_position, last_activity_on, version, search_text,
                        status_closure, status_responded, status_action_plan)
                    VALUES (?, ?, ?, 'en', ?, ?, CAST(? AS uuid[]), CAST(? AS text[]), 'SYSTEMIC', ?, false, ?, ?, ?,
                        ?, 'NONE', ?, 0, ?, 'OPEN', false, false)
                    """, row.id(), row.reference(), "Title " + r, row.issuedOn(), row.place(),
                    row.addressees().stream().map(UUID::toString).toArray(String[]::new),
                    row.themes().toArray(String[]::new), row.priority(), row.dueOn(), row.stage(), row.open(),
                    row.status(), row.issuedOn(), row.searchText());
        }
        jdbc.execute("ANALYZE recommendation_summary");
    }

    JsonNode get(String url, Object... variables) {
        ResponseEntity<JsonNode> answer = http.getForEntity(url, JsonNode.class, variables);
        assertThat(answer.getStatusCode().value()).as(url + " -> " + answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    /** The references of every page (size 7, so most lists end on a page that is not full). */
    List<String> allPages(String query, long expectedTotal, Object... variables) {
        List<String> seen = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = get("/api/recommendations?size=7&sort=reference&page=" + page + "&" + query, variables);
            assertThat(answer.get("totalElements").asLong()).as(query + " page " + page).isEqualTo(expectedTotal);
            assertThat(answer.get("totalPages").asLong()).isEqualTo((expectedTotal + 6) / 7);
            answer.get("content").forEach(s -> seen.add(s.get("reference").asText()));
            if (answer.get("content").isEmpty()) {
                return seen;
            }
        }
    }

    List<String> expected(Predicate<Row> filter) {
        return rows.stream().filter(filter).map(Row::reference).sorted().toList();
    }

    void listMatches(String query, Predicate<Row> filter, Object... variables) {
        List<String> want = expected(filter);
        assertThat(allPages(query, want.size(), variables)).as(query).containsExactlyElementsOf(want);
    }

    Set<UUID> under(int authority) {
        return switch (authority) {
            case 0 -> Set.of(authorities[0], authorities[1], authorities[2], authorities[3], authorities[4]);
            case 1 -> Set.of(authorities[1], authorities[3]);
            case 2 -> Set.of(authorities[2], authorities[4]);
            default -> Set.of(authorities[authority]);
        };
    }

    @Test
    void totals_are_exact_on_full_pages_short_pages_and_past_the_end() {
        listMatches("", r -> true);
        listMatches("open=true&theme=juveniles", r -> r.open() && r.themes().contains("juveniles"));
        listMatches("stage=WITHDRAWN&priority=URGENT", r -> r.stage().equals("WITHDRAWN") && r.priority().equals("URGENT"));
        // A page exactly full at the end, and far past it.
        long juveniles = rows.stream().filter(r -> r.themes().contains("juveniles")).count();
        assertThat(juveniles).isBetween(20L, 200L);
        JsonNode all = get("/api/recommendations?theme=juveniles&size=" + juveniles);
        assertThat(all.get("totalElements").asLong()).isEqualTo(juveniles);
        assertThat(all.get("content")).hasSize((int) juveniles);
        JsonNode past = get("/api/recommendations?theme=juveniles&size=5&page=1000");
        assertThat(past.get("content")).isEmpty();
        assertThat(past.get("totalElements").asLong()).isEqualTo(juveniles);
        JsonNode none = get("/api/recommendations?q=nowhere-to-be-found");
        assertThat(none.get("totalElements").asLong()).isZero();
        assertThat(none.get("totalPages").asLong()).isZero();
    }

    @Test
    void authority_takes_in_every_supervised_body() {
        for (int a = 0; a < authorities.length; a++) {
            Set<UUID> covered = under(a);
            listMatches("authorityId={a}", r -> r.addressees().stream().anyMatch(covered::contains), authorities[a]);
            listMatches("open=true&authorityId={a}",
                    r -> r.open() && r.addressees().stream().anyMatch(covered::contains), authorities[a]);
        }
        listMatches("authorityId={a}", r -> false, UUID.randomUUID());
    }

    @Test
    void q_candidates_from_the_trigram_index_miss_nothing() {
        for (String q : List.of("行动计划", "医疗", "ventilation", "VENTILATION 行动计划", "x\\abc", "\\abc", "cells_1",
                "ells_", "100%", "s/01", "title 12", "recommendation 7 ventilation", "abc")) {
            List<String> words = SearchText.words(q);
            listMatches("q={q}", r -> words.stream().allMatch(w -> r.searchText().contains(w)), q);
        }
    }

    @Test
    void the_trigram_table_follows_the_summary() {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO recommendation_summary (recommendation_id, reference, title, language, issued_on,
                    addressee_authority_ids, themes, scope, priority, confidential, stage, open,
                    implementation_status, authority_position, last_activity_on, version, search_text,
                    status_closure, status_responded, status_action_plan)
                VALUES (?, 'T/1', 't', 'en', DATE '2026-01-01', '{}', '{}', 'SYSTEMIC', 'NORMAL', false,
                    'WITHDRAWN', false, 'NOT_ASSESSED', 'NONE', DATE '2026-01-01', 0, 'quokka', 'OPEN', false, false)
                """, id);
        try {
            assertThat(get("/api/recommendations?q=quokka").get("totalElements").asLong()).isEqualTo(1);
            jdbc.update("UPDATE recommendation_summary SET search_text = 'wombat' WHERE recommendation_id = ?", id);
            assertThat(get("/api/recommendations?q=quokka").get("totalElements").asLong()).isZero();
            assertThat(get("/api/recommendations?q=wombat").get("totalElements").asLong()).isEqualTo(1);
            jdbc.update("UPDATE recommendation_summary SET version = 1 WHERE recommendation_id = ?", id);
            assertThat(get("/api/recommendations?q=wombat").get("totalElements").asLong()).isEqualTo(1);
        } finally {
            jdbc.update("DELETE FROM recommendation_summary WHERE recommendation_id = ?", id);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation_search WHERE recommendation_id = ?",
                Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation_search", Long.class))
                .isEqualTo(rows.size());
    }

    // ---- dashboard: the one statement against the plain count of each figure

    static String counts(JsonNode list) {
        List<String> parts = new ArrayList<>();
        list.forEach(c -> parts.add(c.get("key").asText() + "=" + c.get("total").asLong() + "/" + c.get("open").asLong()
                + (c.hasNonNull("name") ? "(" + c.get("name").asText() + ")" : "")));
        return String.join(" ", parts);
    }

    /** Most first, ties by name then key, as the dashboard orders the open-ended figures. */
    static String ranked(Map<String, long[]> counted, Map<String, String> names) {
        return counted.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                        .thenComparing(e -> names.getOrDefault(e.getKey(), ""))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getKey() + "=" + e.getValue()[0] + "/" + e.getValue()[1]
                        + (names.containsKey(e.getKey()) ? "(" + names.get(e.getKey()) + ")" : ""))
                .reduce((x, y) -> x + " " + y).orElse("");
    }

    static void add(Map<String, long[]> counted, String key, boolean open) {
        long[] c = counted.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        c[1] += open ? 1 : 0;
    }

    static String every(String[] values, Map<String, long[]> counted) {
        List<String> parts = new ArrayList<>();
        for (String v : values) {
            long[] c = counted.getOrDefault(v, new long[2]);
            parts.add(v + "=" + c[0] + "/" + c[1]);
        }
        return String.join(" ", parts);
    }

    @Test
    void dashboard_counts_every_figure_as_the_plain_counts_do() {
        Map<String, long[]> stage = new LinkedHashMap<>();
        Map<String, long[]> status = new LinkedHashMap<>();
        Map<String, long[]> priority = new LinkedHashMap<>();
        Map<String, long[]> authority = new LinkedHashMap<>();
        Map<String, long[]> theme = new LinkedHashMap<>();
        Map<String, long[]> placeType = new LinkedHashMap<>();
        long[] ages = new long[4];
        Map<String, String> names = new LinkedHashMap<>();
        for (int a = 0; a < authorities.length; a++) {
            names.put(authorities[a].toString(), "Authority " + a);
        }
        for (Row r : rows) {
            add(stage, r.stage(), r.open());
            add(status, r.status(), r.open());
            add(priority, r.priority(), r.open());
            r.addressees().forEach(a -> add(authority, a.toString(), r.open()));
            r.themes().forEach(t -> add(theme, t, r.open()));
            String type = r.place() == null ? "NO_PLACE" : r.place().equals(places[0]) ? "PRISON"
                    : r.place().equals(places[1]) ? "POLICE_STATION" : "UNKNOWN";
            add(placeType, type, r.open());
            if (r.open()) {
                long days = TODAY.toEpochDay() - r.issuedOn().toEpochDay();
                ages[days <= 90 ? 0 : days <= 180 ? 1 : days <= 365 ? 2 : 3]++;
            }
        }
        JsonNode d = get("/api/dashboard");
        assertThat(d.get("total").asLong()).isEqualTo(rows.size());
        assertThat(d.get("open").asLong()).isEqualTo(rows.stream().filter(Row::open).count());
        assertThat(counts(d.get("byStage"))).isEqualTo(every(STAGES, stage));
        assertThat(counts(d.get("byImplementationStatus"))).isEqualTo(every(new String[] {"NOT_ASSESSED",
                "NOT_IMPLEMENTED", "IN_PROGRESS", "PARTIALLY_IMPLEMENTED", "IMPLEMENTED"}, status));
        assertThat(counts(d.get("byPriority"))).isEqualTo(every(PRIORITIES, priority));
        assertThat(counts(d.get("byAuthority"))).isEqualTo(ranked(authority, names));
        assertThat(counts(d.get("byTheme"))).isEqualTo(ranked(theme, Map.of()));
        assertThat(counts(d.get("byPlaceType"))).isEqualTo(ranked(placeType, Map.of()));
        List<String> buckets = new ArrayList<>();
        d.get("openByAge").forEach(b -> buckets.add(b.get("bucket").asText() + "=" + b.get("count").asLong()));
        assertThat(buckets).containsExactly("0-90=" + ages[0], "91-180=" + ages[1], "181-365=" + ages[2],
                "over 365=" + ages[3]);
    }
}
