package org.opcat.followup.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.opcat.followup.spreadsheet.HeaderLanguage;
import org.opcat.followup.spreadsheet.SheetWriter;
import org.opcat.followup.spreadsheet.samples.UprRecommendations;
import org.opcat.followup.spreadsheet.samples.UprRecommendations.Upr;
import org.springframework.beans.factory.annotation.Autowired;

/** Real data: the 4,588 UPR recommendations, converted to the layout, dry-run, imported and imported again. */
@ImportingTest
class UprDataTest {

    /** Other tests of this context share the database: count only what this file issued. */
    private static final String UPR_RECOMMENDATIONS = "SELECT aggregateIdentifier FROM events.domain_event_entry "
            + "WHERE payloadType LIKE '%.RecommendationIssued' AND convert_from(payload, 'UTF8')::json ->> 'reference' LIKE 'UPR-S%'";

    @Autowired
    Api api;

    @Test
    void everyRecommendationArrivesWithItsPositionAndThemes() throws Exception {
        List<Upr> file = UprRecommendations.read();
        assertThat(file).hasSize(4588);
        byte[] workbook = SheetWriter.xlsx(HeaderLanguage.EN, UprRecommendations.layout(file));
        long before = api.storedEvents();
        long states = file.stream().map(Upr::state).distinct().count();

        // The dry run in the background, its progress read meanwhile, as an upload page would.
        UUID importId = UUID.randomUUID();
        CompletableFuture<Answer> running = CompletableFuture.supplyAsync(() -> Uploads.xlsx(api.as("admin"),
                "dryRun=true&createMissing=true&importId=" + importId, workbook));
        JsonNode seen = null;
        while (!running.isDone()) {
            Answer status = api.get("/api/imports/" + importId);
            if (status.status() == 200 && status.json().get("state").asText().equals("VALIDATING")
                    && status.json().get("rowsDone").asInt() > 0) {
                seen = status.json();
                break;
            }
            Thread.sleep(100);
        }
        Answer dryRun = running.get();
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(seen).as("progress seen while validating").isNotNull();
        assertThat(seen.get("rowsTotal").asInt()).isEqualTo(2 * file.size());
        assertThat(seen.get("rowsDone").asInt()).isBetween(1, 2 * file.size());
        assertThat(seen.get("rowsPerSecond").asDouble()).isPositive();
        assertThat(dryRun.json().get("wouldCreate").get("authorities")).hasSize((int) states);
        assertThat(dryRun.json().get("newEvents").asLong()).isEqualTo(states + 2L * file.size());
        assertThat(api.storedEvents()).isEqualTo(before);

        Answer imported = Uploads.xlsx(api.as("admin"), "createMissing=true", workbook);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(api.storedEvents()).isEqualTo(before + states + 2L * file.size());

        List<String> references = api.jdbc().queryForList("SELECT convert_from(payload, 'UTF8')::json ->> 'reference' "
                + "FROM events.domain_event_entry WHERE payloadType LIKE '%.RecommendationIssued' "
                + "AND convert_from(payload, 'UTF8')::json ->> 'reference' LIKE 'UPR-S%'", String.class);
        assertThat(references).containsExactlyInAnyOrderElementsOf(file.stream().map(Upr::reference).toList());

        Map<String, Long> positions = new TreeMap<>();
        api.jdbc().query("SELECT convert_from(payload, 'UTF8')::json ->> 'position', count(*) FROM events.domain_event_entry "
                + "WHERE payloadType LIKE '%.AuthorityResponseRecorded' AND aggregateIdentifier IN (" + UPR_RECOMMENDATIONS + ") "
                + "GROUP BY 1", rs -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(positions).isEqualTo(new TreeMap<>(file.stream().collect(Collectors.groupingBy(
                u -> UprRecommendations.position(u.response()), Collectors.counting()))));

        Map<String, Long> themes = new HashMap<>();
        api.jdbc().query("SELECT t, count(*) FROM events.domain_event_entry, "
                + "json_array_elements_text(convert_from(payload, 'UTF8')::json -> 'themes') t "
                + "WHERE aggregateIdentifier IN (" + UPR_RECOMMENDATIONS + ") AND sequenceNumber = 0 GROUP BY t", rs -> {
                    themes.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(themes).isEqualTo(file.stream().flatMap(u -> u.themes().stream())
                .collect(Collectors.groupingBy(t -> t, Collectors.counting())));
        assertThat(themes).containsKeys("detention", "torture-and-other-cid-treatment");

        long after = api.storedEvents();
        Answer again = Uploads.xlsx(api.as("admin"), "createMissing=true", workbook);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(api.storedEvents()).as("the same file twice stores nothing new").isEqualTo(after);
    }
}
