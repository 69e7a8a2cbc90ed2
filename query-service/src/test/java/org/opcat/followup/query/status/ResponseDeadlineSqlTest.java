package org.opcat.followup.query.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opcat.followup.testsupport.TestPostgres;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The SQL predicates of {@link ResponseDeadline} say what its Java methods say, for every stage and
 * for due dates before, on and after the reference date, and none. Run on real PostgreSQL.
 */
class ResponseDeadlineSqlTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static NamedParameterJdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = new NamedParameterJdbcTemplate(TestPostgres.dataSource(TestPostgres.newDatabase()));
    }

    static final List<LocalDate> DUE_DATES = Arrays.asList(null, TODAY.minusDays(400), TODAY.minusDays(1), TODAY,
            TODAY.plusDays(1));

    @Test
    void recommendation_overdue_in_sql_and_java_agree() {
        for (Stage stage : Stage.values()) {
            for (LocalDate due : DUE_DATES) {
                MapSqlParameterSource p = new MapSqlParameterSource("today", TODAY).addValue("stage", stage.name())
                        .addValue("due", due, java.sql.Types.DATE);
                String from = " FROM (SELECT CAST(:stage AS text) AS stage, CAST(:due AS date) AS response_due_on) s";
                Boolean overdue = jdbc.queryForObject("SELECT " + ResponseDeadline.OVERDUE_SQL + from, p, Boolean.class);
                Boolean notOverdue = jdbc.queryForObject("SELECT " + ResponseDeadline.NOT_OVERDUE_SQL + from, p,
                        Boolean.class);
                boolean java = ResponseDeadline.responseOverdue(stage, due, TODAY);
                assertThat(overdue).as(stage + " due " + due).isEqualTo(java);
                assertThat(notOverdue).as("negation, " + stage + " due " + due).isEqualTo(!java);
            }
        }
    }

    @Test
    void addressee_overdue_in_sql_and_java_agree() {
        List<String> checked = new ArrayList<>();
        for (boolean open : new boolean[] {true, false}) {
            for (boolean responded : new boolean[] {true, false}) {
                for (LocalDate due : DUE_DATES) {
                    MapSqlParameterSource p = new MapSqlParameterSource("today", TODAY).addValue("open", open)
                            .addValue("firstResponse", responded ? TODAY.minusDays(3) : null, java.sql.Types.DATE)
                            .addValue("due", due, java.sql.Types.DATE);
                    Boolean sql = jdbc.queryForObject("SELECT " + ResponseDeadline.ADDRESSEE_OVERDUE_SQL
                            + " FROM (SELECT CAST(:open AS boolean) AS open, CAST(:due AS date) AS response_due_on) s,"
                            + " (SELECT CAST(:firstResponse AS date) AS first_response_on) d", p, Boolean.class);
                    assertThat(sql).as("open " + open + ", responded " + responded + ", due " + due)
                            .isEqualTo(ResponseDeadline.addresseeOverdue(open, responded, due, TODAY));
                    checked.add(open + "/" + responded + "/" + due);
                }
            }
        }
        assertThat(checked).hasSize(20);
    }
}
