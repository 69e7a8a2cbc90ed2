package org.opcat.followup.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opcat.followup.spreadsheet.samples.ChineseWorkbook.ROWS;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.opcat.followup.spreadsheet.HeaderLanguage;
import org.opcat.followup.spreadsheet.SheetWriter;
import org.opcat.followup.spreadsheet.samples.ChineseWorkbook;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link ChineseWorkbook} with Chinese sheet names and headers: dry run, import, import again. */
@ImportingTest
class ChineseSheetTest {

    @Autowired
    Api api;

    @Test
    void dryRunImportAndReimportOfAChineseWorkbook() {
        api.registerAuthority("甲省司法厅", "MINISTRY", null);
        byte[] file = SheetWriter.xlsx(HeaderLanguage.ZH, ChineseWorkbook.workbook());
        long before = api.storedEvents();

        Answer dryRun = Uploads.xlsx(api.as("admin"), "dryRun=true&createMissing=true", file);
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().get("wouldCreate").get("authorities").toString())
                .as("甲省司法厅 is on record; the ideographic spaces do not make a new one")
                .isEqualTo("[\"甲省监狱管理局\",\"甲省公安厅\",\"甲省卫生健康委员会\"]");
        assertThat(dryRun.json().get("wouldCreate").get("places")).hasSize(3);
        assertThat(api.storedEvents()).isEqualTo(before);

        Map<String, Long> counted = counts();
        Answer imported = Uploads.xlsx(api.as("admin"), "createMissing=true", file);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        long after = api.storedEvents();
        assertThat(after - before).isEqualTo(3 + 3 + ROWS * 2 + ROWS / 3 + ROWS / 4);
        assertThat(added(counted, "RecommendationIssued")).isEqualTo(ROWS);
        assertThat(added(counted, "AuthorityResponseRecorded")).isEqualTo(ROWS);
        assertThat(added(counted, "ActionPlanFiled")).isEqualTo(ROWS / 3);
        assertThat(added(counted, "FollowUpVisitRecorded")).isEqualTo(ROWS / 4);
        assertThat(api.jdbc().queryForList("SELECT convert_from(payload, 'UTF8')::json ->> 'title' FROM events.domain_event_entry "
                + "WHERE payloadType LIKE '%RecommendationIssued'", String.class)).contains("重点论述虐待行为（第1条）");
        assertThat(api.jdbc().queryForObject("SELECT convert_from(payload, 'UTF8')::json ->> 'issuedOn' FROM events.domain_event_entry "
                + "WHERE convert_from(payload, 'UTF8')::json ->> 'reference' = '2025/查访-1/建议-2'", String.class))
                .isEqualTo("2025-02-02");

        Answer again = Uploads.xlsx(api, "", file);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(api.storedEvents()).as("re-import stores nothing new").isEqualTo(after);
    }

    /** Events by type (the simple class name): other tests of this context share the database. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.HashMap<>();
        api.jdbc().query("SELECT payloadType, count(*) FROM events.domain_event_entry GROUP BY 1",
                rs -> { counts.put(rs.getString(1).substring(rs.getString(1).lastIndexOf('.') + 1), rs.getLong(2)); });
        return counts;
    }

    private long added(Map<String, Long> before, String eventType) {
        return counts().getOrDefault(eventType, 0L) - before.getOrDefault(eventType, 0L);
    }
}
