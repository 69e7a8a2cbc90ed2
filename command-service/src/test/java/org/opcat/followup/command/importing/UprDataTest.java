package org.opcat.followup.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.opcat.followup.command.importing.UprRecommendations.Upr;
import org.opcat.followup.spreadsheet.HeaderLanguage;
import org.opcat.followup.spreadsheet.SheetWriter;
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

        Answer dryRun = Uploads.xlsx(api, "dryRun=true&createMissing=true", workbook);
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().get("wouldCreate").get("authorities")).hasSize((int) states);
        assertThat(dryRun.json().get("newEvents").asLong()).isEqualTo(states + 2L * file.size());
        assertThat(api.storedEvents()).isEqualTo(before);

        Answer imported = Uploads.xlsx(api, "createMissing=true", workbook);
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
        Answer again = Uploads.xlsx(api, "createMissing=true", workbook);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(api.storedEvents()).as("the same file twice stores nothing new").isEqualTo(after);
    }
}
