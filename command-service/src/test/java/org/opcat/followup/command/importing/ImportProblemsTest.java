package org.opcat.followup.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;

/** A file's report names every problem of every row at once: fixing one never reveals the next. */
@ImportingTest
class ImportProblemsTest {

    private static final String HEADER = "reference,title,text,language,issuedOn,sourceKind,documentReference,place,"
            + "addressees,themes,scope,priority,standards,responseDueOn,confidential\n";

    @Autowired
    Api api;

    private static List<String> cells(Answer answer) {
        List<String> cells = new ArrayList<>();
        answer.json().get("errors").forEach(e -> cells.add(e.get("sheet").asText() + ":" + e.get("row").asInt() + ":"
                + e.get("column").asText()));
        return cells;
    }

    @Test
    void aRowWithSeveralProblemsReportsThemAll() {
        api.registerAuthority("Office of the Prosecutor", "OTHER", null);
        String file = HEADER
                // unknown authority, a date in the future, a blank title, a due date before the issue
                + "MULTI-1,,Text,en,2027-01-01,VISIT_REPORT,,,Unknown Ministry,,SYSTEMIC,HIGH,,2026-12-01,no\n"
                + "MULTI-2,Title,Text,en,2025-01-10,VISIT_REPORT,,,Office of the Prosecutor,,SYSTEMIC,HIGH,,,no\n"
                // the same reference again, and in the future
                + "MULTI-2,Title,Text,en,2027-02-01,VISIT_REPORT,,,Office of the Prosecutor,,SYSTEMIC,HIGH,,,no\n";
        long before = api.storedEvents();
        Answer answer = Uploads.csv(api, "dryRun=true", file);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(cells(answer)).as(answer.body()).containsExactlyInAnyOrder(
                "recommendations:2:addressees", "recommendations:2:issuedOn", "recommendations:2:title",
                "recommendations:2:responseDueOn", "recommendations:4:reference", "recommendations:4:issuedOn");
        assertThat(answer.json().get("errors").findValuesAsText("message"))
                .anyMatch(m -> m.equals("issuedOn 2027-01-01 is in the future (today is 2026-11-26)"));
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void aResponseRowReportsItsFutureDateBesideItsUnknownAuthority() {
        api.registerAuthority("Health Inspectorate", "OTHER", null);
        Answer issued = Uploads.csv(api, "", HEADER
                + "RESP-1,Title,Text,en,2025-01-10,VISIT_REPORT,,,Health Inspectorate,,SYSTEMIC,HIGH,,,no\n");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        Answer answer = Uploads.csv(api, "dryRun=true&sheet=responses",
                "reference,authority,receivedOn,channel,position,text,documentReference\n"
                        + "RESP-1,Nobody Known,2027-05-01,WRITTEN,ACCEPTED,Accepted,\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(cells(answer)).as(answer.body())
                .containsExactlyInAnyOrder("responses:2:authority", "responses:2:receivedOn");
    }
}
