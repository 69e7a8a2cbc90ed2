package org.opcat.followup.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every problem of an import report has a code and its arguments, so that the web interface words
 * it in the page's language instead of showing the service's English.
 */
@ImportingTest
class ImportProblemCodesTest {

    private static final String HEADER = "reference,title,text,language,issuedOn,sourceKind,documentReference,place,"
            + "addressees,themes,scope,priority,standards,responseDueOn,confidential\n";

    @Autowired
    Api api;

    /** sheet:row:column code args, one per problem. */
    private static List<String> coded(Answer answer) {
        List<String> found = new ArrayList<>();
        answer.json().get("errors").forEach(e -> found.add(e.path("sheet").asText() + ":" + e.path("row").asText()
                + ":" + e.path("column").asText() + " " + e.path("code").asText("NONE") + " " + e.path("args")));
        return found;
    }

    @Test
    void namesReferencesAndPlanKeysHaveCodes() {
        api.registerAuthority("Twin Office", "OTHER", null);
        api.registerAuthority("twin office", "OTHER", null);
        api.registerAuthority("Coded Ministry", "OTHER", null);
        api.registerAuthority("Other Coded Ministry", "OTHER", null);
        Answer issued = Uploads.csv(api, "", HEADER
                + "CODED-1,Title,Text,en,2025-01-10,VISIT_REPORT,,,Coded Ministry,,SYSTEMIC,HIGH,,,no\n");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        Answer answer = Uploads.csv(api, "dryRun=true", HEADER
                + "CODED-2,Title,Text,en,2025-01-10,VISIT_REPORT,,Nowhere Prison,Unknown Coded Body,,PLACE_SPECIFIC,HIGH,,,no\n"
                + "CODED-3,Title,Text,en,2025-01-10,VISIT_REPORT,,,Twin Office,,SYSTEMIC,HIGH,,,no\n"
                + "CODED-3,Title,Text,en,2025-01-10,VISIT_REPORT,,,Coded Ministry,,SYSTEMIC,HIGH,,,no\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(coded(answer)).as(answer.body()).contains(
                "recommendations:2:addressees no-authority-named {\"name\":\"Unknown Coded Body\"}",
                "recommendations:2:place no-place-named {\"name\":\"Nowhere Prison\"}",
                "recommendations:3:addressees ambiguous-authority {\"count\":2,\"name\":\"Twin Office\"}",
                "recommendations:4:reference reference-repeated {\"reference\":\"CODED-3\",\"row\":3}");

        Answer plans = Uploads.csv(api, "dryRun=true&sheet=action-plans",
                "reference,planKey,authority,filedOn,measure,responsibleUnit,targetDate\n"
                        + "CODED-1,,Coded Ministry,2025-02-01,Measure,Unit,2025-06-01\n"
                        + "CODED-1,P1,Coded Ministry,2025-02-01,Measure,Unit,2025-06-01\n"
                        + "CODED-1,P1,Other Coded Ministry,2025-02-01,Measure two,Unit,2025-06-01\n"
                        + "CODED-404,P1,Coded Ministry,2025-02-01,Measure,Unit,2025-06-01\n");
        assertThat(plans.status()).as(plans.body()).isEqualTo(400);
        assertThat(coded(plans)).as(plans.body()).containsExactlyInAnyOrder(
                "action-plans:2:planKey plan-key-required {}",
                "action-plans:4:authority plan-rows-differ {\"column\":\"authority\",\"value\":\"Coded Ministry\",\"row\":3}",
                "action-plans:5:reference no-recommendation-reference {\"reference\":\"CODED-404\"}");
    }

    @Test
    void aRefusalByTheRecommendationKeepsItsCode() {
        api.registerAuthority("Addressed Ministry", "OTHER", null);
        api.registerAuthority("Bystander Ministry", "OTHER", null);
        Answer issued = Uploads.csv(api, "", HEADER
                + "CODED-10,Title,Text,en,2025-01-10,VISIT_REPORT,,,Addressed Ministry,,SYSTEMIC,HIGH,,,no\n");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        Answer answer = Uploads.csv(api, "dryRun=true&sheet=responses",
                "reference,authority,receivedOn,channel,position,text,documentReference\n"
                        + "CODED-10,Bystander Ministry,2025-05-01,WRITTEN,ACCEPTED,Accepted,\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(coded(answer)).as(answer.body()).hasSize(1)
                .allMatch(p -> p.startsWith("responses:2:authority not-addressee "));
    }

    @Test
    void layoutProblemsHaveCodes() {
        Answer answer = Uploads.csv(api, "dryRun=true&sheet=responses",
                "reference,authority,receivedOn,channel,position,text,colour\n"
                        + "CODED-10,Nobody,2025-05-01,WRITTEN,ACCEPTED,Accepted,red\n");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        List<String> found = coded(answer);
        assertThat(found).as(answer.body()).hasSize(1);
        assertThat(found.get(0)).as(answer.body()).startsWith("responses:1:colour unknown-header {\"header\":\"colour\",\"allowed\":[");
        Answer missing = Uploads.csv(api, "dryRun=true&sheet=responses",
                "reference,authority,receivedOn,channel,text\n" + "CODED-10,Nobody,2025-05-01,WRITTEN,Accepted\n");
        assertThat(coded(missing)).as(missing.body()).containsExactly(
                "responses:1:position missing-column {\"column\":\"position\"}");
    }
}
