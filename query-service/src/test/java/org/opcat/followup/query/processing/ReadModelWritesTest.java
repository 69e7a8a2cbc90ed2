package org.opcat.followup.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.opcat.followup.query.QueryServiceTest;
import org.opcat.followup.query.ReadModels;
import org.opcat.followup.query.processing.ReadModelWrites.Statement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The per-batch write buffer of the read models: a batch's rows are stored all or none, in the
 * transaction of the batch; a row the database refuses only when the batch is written is still
 * pinned on its own event (the batch is retried event by event) and recorded as a poison event.
 */
@QueryServiceTest
@ExtendWith(OutputCaptureExtension.class)
@Import(ReadModelWritesTest.RefusingProjector.class)
class ReadModelWritesTest {

    private static final Statement AUTHORITY = ReadModelWrites.statement(
            "INSERT INTO authority (authority_id, name, kind) VALUES (?, ?, 'TEST')");

    @Autowired
    ReadModelWrites writes;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    ReadModelProcessor readModels;

    @Test
    void a_batch_stores_its_rows_when_it_commits() {
        List<UUID> ids = ids(3);
        AtomicInteger handled = new AtomicInteger();
        ResultMessage<?> result = runBatch(ids.size(), () -> {
            UUID id = ids.get(handled.getAndIncrement());
            writes.add(AUTHORITY, id, "authority " + id);
            // Buffered, not yet written: the batch's own transaction does not see it either.
            assertThat(count(List.of(id))).isZero();
        });
        assertThat(result.isExceptional()).isFalse();
        assertThat(count(ids)).isEqualTo(3);
    }

    @Test
    void a_handler_failure_in_the_middle_of_a_batch_stores_nothing_of_that_batch() {
        List<UUID> ids = ids(3);
        AtomicInteger handled = new AtomicInteger();
        ResultMessage<?> result = runBatch(ids.size(), () -> {
            int i = handled.getAndIncrement();
            writes.add(AUTHORITY, ids.get(i), "authority " + i);
            if (i == 1) {
                throw new IllegalStateException("a bug in a projector");
            }
        });
        assertThat(result.isExceptional()).isTrue();
        assertThat(count(ids)).isZero();
    }

    @Test
    void a_row_refused_when_the_batch_is_written_stores_nothing_of_that_batch() {
        List<UUID> ids = ids(3);
        AtomicInteger handled = new AtomicInteger();
        ResultMessage<?> result = runBatch(ids.size(), () -> {
            int i = handled.getAndIncrement();
            // name is NOT NULL: the database refuses the second row, at the flush.
            writes.add(AUTHORITY, ids.get(i), i == 1 ? null : "authority " + i);
        });
        assertThat(result.isExceptional()).isTrue();
        assertThat(count(ids)).isZero();
    }

    @Test
    void a_row_refused_when_written_is_recorded_against_its_own_event_and_the_others_go_on(CapturedOutput output) {
        UUID before = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        // Three recommendations in one transaction: the processor takes them in one batch.
        storageEngine.appendEvents(List.of(
                SampleHistory.event("Recommendation", before, 0, issued(before, "before")),
                SampleHistory.event("Recommendation", refused, 0, issued(refused, RefusingProjector.REFUSED)),
                SampleHistory.event("Recommendation", after, 0, issued(after, "after"))));

        Await.until("every event processed", Duration.ofSeconds(60), () ->
                ReadModelProcessor.lowestPosition(readModels.segments()) >= readModels.headPosition());

        assertThat(Set.copyOf(jdbc.queryForList("SELECT recommendation_id FROM query.recommendation_summary",
                UUID.class))).contains(before, after).doesNotContain(refused);
        assertThat(jdbc.queryForList("SELECT aggregate_id || ' ' || outcome FROM query.failed_event", String.class))
                .containsExactly(refused + " FAILED");
        assertThat(jdbc.queryForObject("SELECT error_message FROM query.failed_event", String.class))
                .contains("not-null constraint");
        assertThat(output.getAll()).contains("retrying it event by event");
    }

    /** Runs one batch of {@code size} events as the processor does: one unit of work, one transaction. */
    private ResultMessage<?> runBatch(int size, Runnable handler) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            messages.add(GenericEventMessage.asEventMessage("event " + i));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.attachTransaction(transactionManager);
        try {
            return unitOfWork.executeWithResult(() -> {
                handler.run();
                return null;
            });
        } catch (Exception e) {
            return org.axonframework.messaging.GenericResultMessage.asResultMessage(e);
        }
    }

    private int count(List<UUID> ids) {
        return ids.stream().mapToInt(id -> jdbc.queryForObject(
                "SELECT count(*) FROM query.authority WHERE authority_id = ?", Integer.class, id)).sum();
    }

    private static List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    private static RecommendationIssued issued(UUID id, String title) {
        return new RecommendationIssued(id, "2026/W/" + id, title, "text", "en", LocalDate.of(2026, 1, 5),
                new Source(SourceKind.VISIT_REPORT, "V-1"), null, List.of(SampleHistory.MINISTRY),
                List.of("health-care"), Scope.SYSTEMIC, Priority.HIGH, List.of(), null, false);
    }

    /** A projector of the read-model group whose row for one title the database refuses (NOT NULL). */
    @Component
    @ProcessingGroup(ReadModels.PROCESSING_GROUP)
    static class RefusingProjector {

        static final String REFUSED = "refused: the database refuses this one's row";

        private final ReadModelWrites writes;

        RefusingProjector(ReadModelWrites writes) {
            this.writes = writes;
        }

        @EventHandler
        void on(RecommendationIssued issued) {
            writes.add(AUTHORITY, issued.recommendationId(), issued.title().equals(REFUSED) ? null : issued.title());
        }
    }
}
