package org.opcat.followup.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opcat.followup.command.importing.ImportTest.recommendation;
import static org.opcat.followup.command.importing.ImportTest.response;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.opcat.followup.spreadsheet.HeaderLanguage;
import org.opcat.followup.spreadsheet.Sheet;
import org.opcat.followup.spreadsheet.SheetWriter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A dry run judges every row by the aggregates' rules, later rows against what earlier rows of the
 * same file record, and writes nothing to the event store: not even inside a transaction it rolls
 * back.
 */
@ImportingTest
class DryRunTest {

    @Autowired
    Api api;

    @Test
    void aDryRunJudgesRowsAgainstTheRecommendationsOfEarlierRowsAndWritesNothing() {
        api.registerAuthority("Inspectorate of Prisons", "OTHER", null);
        api.registerAuthority("Health Directorate", "OTHER", null);
        Map<Sheet, List<Map<String, String>>> workbook = new LinkedHashMap<>();
        workbook.put(Sheet.RECOMMENDATIONS, List.of(recommendation("DRY-1", "Inspectorate of Prisons")));
        workbook.put(Sheet.RESPONSES, List.of(
                response("DRY-1", "Inspectorate of Prisons", "2025-04-01"),
                response("DRY-1", "Health Directorate", "2025-04-02"),
                response("DRY-1", "Inspectorate of Prisons", "2025-02-01")));
        workbook.put(Sheet.ACTION_PLANS, List.of(plan("DRY-1", "2025-05-01", "2025-12-31")));
        byte[] refused = SheetWriter.xlsx(HeaderLanguage.EN, workbook);

        Answer answer = writesNothing(() -> Uploads.xlsx(api, "dryRun=true", refused));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(cells(answer.json().get("errors"))).as(answer.body())
                .containsExactly("responses:3:authority", "responses:4:receivedOn");

        workbook.put(Sheet.RESPONSES, List.of(response("DRY-1", "Inspectorate of Prisons", "2025-04-01")));
        Answer valid = writesNothing(() -> Uploads.xlsx(api, "dryRun=true", SheetWriter.xlsx(HeaderLanguage.EN, workbook)));
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        assertThat(valid.json().get("state").asText()).isEqualTo("VALID");
        assertThat(valid.json().get("newEvents").asLong()).as("issue, response, plan").isEqualTo(3);
    }

    @Test
    void aDryRunSeesWhatIsStoredAndWhatTheFileAdds() {
        api.registerAuthority("Police Oversight Board", "OTHER", null);
        Map<Sheet, List<Map<String, String>>> stored = new LinkedHashMap<>();
        stored.put(Sheet.RECOMMENDATIONS, List.of(recommendation("DRY-2", "Police Oversight Board")));
        stored.put(Sheet.RESPONSES, List.of(response("DRY-2", "Police Oversight Board", "2025-04-01")));
        byte[] first = SheetWriter.xlsx(HeaderLanguage.EN, stored);
        assertThat(Uploads.xlsx(api, "", first).status()).isEqualTo(200);

        Map<Sheet, List<Map<String, String>>> more = new LinkedHashMap<>();
        more.put(Sheet.RECOMMENDATIONS, List.of(recommendation("DRY-2", "Police Oversight Board"),
                recommendation("DRY-3", "Police Oversight Board")));
        more.put(Sheet.RESPONSES, List.of(
                response("DRY-2", "Police Oversight Board", "2025-04-01"),
                response("DRY-2", "Police Oversight Board", "2025-01-15"),
                response("DRY-3", "Police Oversight Board", "2025-05-01")));
        Answer refused = writesNothing(() -> Uploads.xlsx(api, "dryRun=true", SheetWriter.xlsx(HeaderLanguage.EN, more)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(cells(refused.json().get("errors"))).as("before the stored issue date")
                .containsExactly("responses:3:receivedOn");

        more.put(Sheet.RESPONSES, List.of(
                response("DRY-2", "Police Oversight Board", "2025-04-01"),
                response("DRY-3", "Police Oversight Board", "2025-05-01")));
        Answer valid = writesNothing(() -> Uploads.xlsx(api, "dryRun=true", SheetWriter.xlsx(HeaderLanguage.EN, more)));
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        assertThat(valid.json().get("newEvents").asLong()).as("the stored rows are repeats: DRY-3 and its response")
                .isEqualTo(2);
    }

    /**
     * Runs the upload while counting every row inserted into the event table or the reference
     * register, committed or not: a sequence is not rolled back with the transaction that draws on it.
     */
    private Answer writesNothing(Supplier<Answer> upload) {
        var jdbc = api.jdbc();
        jdbc.execute("CREATE SEQUENCE IF NOT EXISTS public.dry_run_inserts");
        jdbc.execute("GRANT USAGE ON SEQUENCE public.dry_run_inserts TO PUBLIC");
        jdbc.execute("CREATE OR REPLACE FUNCTION public.count_dry_run_insert() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN PERFORM nextval('public.dry_run_inserts'); RETURN NULL; END $$");
        jdbc.execute("CREATE TRIGGER dry_run_inserts AFTER INSERT ON events.domain_event_entry "
                + "FOR EACH ROW EXECUTE FUNCTION public.count_dry_run_insert()");
        jdbc.execute("CREATE TRIGGER dry_run_inserts AFTER INSERT ON events.recommendation_reference "
                + "FOR EACH ROW EXECUTE FUNCTION public.count_dry_run_insert()");
        try {
            long drawn = jdbc.queryForObject("SELECT nextval('public.dry_run_inserts')", Long.class);
            long events = api.storedEvents();
            long lastIndex = lastIndex();
            Answer answer = upload.get();
            assertThat(api.storedEvents()).as("events stored").isEqualTo(events);
            assertThat(lastIndex()).as("last global index").isEqualTo(lastIndex);
            assertThat(jdbc.queryForObject("SELECT nextval('public.dry_run_inserts')", Long.class))
                    .as("rows inserted, even in a transaction rolled back").isEqualTo(drawn + 1);
            return answer;
        } finally {
            jdbc.execute("DROP TRIGGER dry_run_inserts ON events.domain_event_entry");
            jdbc.execute("DROP TRIGGER dry_run_inserts ON events.recommendation_reference");
        }
    }

    private long lastIndex() {
        return api.jdbc().queryForObject("SELECT coalesce(max(globalIndex), 0) FROM events.domain_event_entry", Long.class);
    }

    private static Map<String, String> plan(String reference, String filedOn, String targetDate) {
        return Map.of("reference", reference, "planKey", "P1", "authority", "Inspectorate of Prisons",
                "filedOn", filedOn, "measure", "Hire two doctors", "responsibleUnit", "Health unit", "targetDate", targetDate);
    }

    private static List<String> cells(JsonNode errors) {
        List<String> cells = new ArrayList<>();
        errors.forEach(e -> cells.add(e.get("sheet").asText() + ":" + e.get("row").asInt() + ":" + e.get("column").asText()));
        return cells;
    }
}
