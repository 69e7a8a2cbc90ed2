package org.opcat.followup.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;

/** The members of the import's answers, in the order a client reads them, nulls written, the rest left out. */
@ImportingTest
class ImportAnswersTest {

    private static final String HEADER = "reference,title,text,language,issuedOn,sourceKind,documentReference,place,"
            + "addressees,themes,scope,priority,standards,responseDueOn,confidential\n";
    private static final List<String> STATUS = List.of("importId", "fileName", "dryRun", "recordedBy", "state", "rowsDone",
            "rowsTotal", "rowsPerSecond", "startedAt", "finishedAt");

    @Autowired
    Api api;

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void reportsAndStatusKeepTheirMembers() {
        api.registerAuthority("Answering Ministry", "OTHER", null);
        String file = HEADER + "ANSWERS-1,Title,Text,en,2025-01-10,VISIT_REPORT,,,Answering Ministry,,SYSTEMIC,HIGH,,,no\n";
        UUID importId = UUID.randomUUID();
        Answer dryRun = Uploads.csv(api, "dryRun=true&importId=" + importId, file);
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(keys(dryRun.json())).containsExactly("importId", "dryRun", "state", "rows", "commands", "newEvents",
                "wouldCreate", "status");
        assertThat(keys(dryRun.json().get("wouldCreate"))).containsExactlyInAnyOrder("authorities", "places");
        assertThat(keys(dryRun.json().get("status"))).isEqualTo(STATUS);

        Answer status = api.get("/api/imports/" + importId);
        List<String> withOutcome = new ArrayList<>(STATUS);
        withOutcome.add("outcome");
        assertThat(keys(status.json())).isEqualTo(withOutcome);
        assertThat(status.json().get("outcome")).isEqualTo(dryRun.json());

        // Stored right after its dry run: the events it adds are not counted again.
        Answer stored = Uploads.csv(api, "", file);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(keys(stored.json())).containsExactly("importId", "dryRun", "state", "rows", "commands", "created",
                "status");
    }

    @Test
    void problemsWriteTheirNullsAndLeaveOutAnAbsentCode() {
        Answer layout = Uploads.csv(api, "dryRun=true", HEADER);
        assertThat(layout.status()).as(layout.body()).isEqualTo(400);
        JsonNode error = layout.json().get("errors").get(0);
        assertThat(keys(error)).as(layout.body()).containsExactly("sheet", "row", "column", "field", "message");
        assertThat(error.get("row").isNull()).as(layout.body()).isTrue();

        Answer unknown = Uploads.csv(api, "dryRun=true", HEADER
                + "ANSWERS-2,Title,Text,en,2025-01-10,VISIT_REPORT,,,Unanswering Ministry,,SYSTEMIC,HIGH,,,no\n");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(keys(unknown.json().get("errors").get(0))).containsExactly("sheet", "row", "column", "field", "message",
                "code", "args");
        assertThat(keys(unknown.json().get("missing"))).containsExactlyInAnyOrder("authorities", "places");
    }
}
