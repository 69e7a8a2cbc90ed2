package org.opcat.followup.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * Rows are written per batch of events ({@link ReadModelWrites}) and a projector folds several
 * events of one recommendation in memory within a batch: the read models must be exactly those
 * built one event per transaction. Both builds see the same events in two waves (the second wave
 * changes rows the first one stored, so the batch reads them back from the tables).
 */
class BatchedReadModelsTest {

    @Test
    void large_batches_build_the_same_read_models_as_one_event_per_batch() {
        List<DomainEventMessage<?>> all = SampleHistory.recommendations("batched", 40);
        List<DomainEventMessage<?>> firstWave = new ArrayList<>();
        List<DomainEventMessage<?>> secondWave = new ArrayList<>();
        for (DomainEventMessage<?> event : all) {
            (event.getSequenceNumber() < 2 ? firstWave : secondWave).add(event);
        }

        Map<String, List<String>> oneByOne = build("1", firstWave, secondWave);
        Map<String, List<String>> batched = build("1000", firstWave, secondWave);

        assertThat(ReadTableDump.rows(oneByOne)).as("rows in the read tables").isGreaterThan(all.size());
        assertThat(batched).isEqualTo(oneByOne);
    }

    private static Map<String, List<String>> build(String batchSize, List<DomainEventMessage<?>> firstWave,
            List<DomainEventMessage<?>> secondWave) {
        String database = QueryServiceInstance.newDatabase();
        // One segment: every event goes to one work package, so a batch holds several events of
        // each recommendation (they are interleaved 40 apart).
        try (QueryServiceInstance service = QueryServiceInstance.start(database, "batched-" + batchSize,
                Map.of("followup.processing.batch-size", batchSize, "followup.processing.segments", "1"))) {
            service.append(SampleHistory.registers());
            service.append(firstWave);
            service.awaitCaughtUp();
            service.append(secondWave);
            service.awaitCaughtUp();
            return ReadTableDump.of(service);
        }
    }
}
