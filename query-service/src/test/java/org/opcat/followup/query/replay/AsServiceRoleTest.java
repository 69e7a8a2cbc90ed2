package org.opcat.followup.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.opcat.followup.query.processing.Await;
import org.opcat.followup.query.processing.QueryServiceInstance;
import org.opcat.followup.query.processing.SampleHistory;
import org.opcat.followup.query.replay.ReplayStatus.State;
import org.opcat.followup.testsupport.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * query-service as docker-compose runs it: migrations as the owner, the service itself as a role of
 * its own (FOLLOWUP_DB_APP_ROLE), no superuser. It builds the read models, answers, and replays
 * with the grants its migrations give that role, and may not change a stored event.
 */
class AsServiceRoleTest {

    static final String ROLE = "followup_query_service";

    @Test
    void theReadModelsAreBuiltAndReplayedByARoleThatMayOnlyReadEvents() {
        String url = TestPostgres.newDatabase().replaceAll("\\?.*", ""); // the server's URL names its superuser
        JdbcTemplate superuser = new JdbcTemplate(TestPostgres.dataSource(url));
        superuser.execute("DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        // As command-service migrates the event store when it runs as the owner with FOLLOWUP_DB_APP_ROLE.
        Flyway.configure().dataSource(TestPostgres.dataSource(url)).schemas("events").defaultSchema("events")
                .locations("classpath:db/eventstore", "classpath:db/security")
                .placeholders(Map.of("app_role", ROLE)).load().migrate();

        try (QueryServiceInstance service = QueryServiceInstance.start(url, "as-service-role", Map.of(
                "spring.datasource.username", ROLE, "spring.flyway.user", "postgres", "spring.flyway.password", "",
                "FOLLOWUP_DB_APP_ROLE", ROLE))) {
            JdbcTemplate asService = service.bean(JdbcTemplate.class);
            assertThat(asService.queryForObject("SELECT current_user", String.class)).isEqualTo(ROLE);

            List<DomainEventMessage<?>> history = new ArrayList<>(SampleHistory.registers());
            history.addAll(SampleHistory.recommendations("role", 5));
            service.append(history);
            service.awaitCaughtUp();
            assertThat(service.get("/api/recommendations?size=50").body()).contains(
                    SampleHistory.recommendation("role", 4).toString());

            assertThat(service.post("/api/admin/replay").statusCode()).isEqualTo(202);
            ReadModelReplay replay = service.bean(ReadModelReplay.class);
            Await.until("the replay to complete", Duration.ofSeconds(120), () -> replay.status().state() == State.COMPLETED);
            assertThat(service.get("/api/recommendations?size=50").body()).contains(
                    SampleHistory.recommendation("role", 4).toString());

            assertThatThrownBy(() -> asService.update("UPDATE events.domain_event_entry SET payload = '\\x00'"))
                    .hasStackTraceContaining("permission denied");
            assertThatThrownBy(() -> asService.execute("DROP TABLE query.token_entry"))
                    .hasStackTraceContaining("must be owner");
        }
    }
}
