package org.opcat.followup.web.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opcat.followup.testsupport.MovableClock;

/** The file a confirmation imports: the one checked, taken once, by its owner, within 30 minutes; then gone from disk. */
class PendingUploadsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final PendingUploads uploads;

    PendingUploadsTest() throws Exception {
        uploads = new PendingUploads(clock);
    }

    @AfterEach
    void stop() {
        uploads.deleteAll();
    }

    @Test
    void the_owner_takes_the_same_bytes_once_and_the_file_is_deleted() {
        UUID id = UUID.randomUUID();
        PendingUploads.Pending kept = uploads.keep(id, "analyst", "建议.csv", bytes("编号,标题"), true, "recommendations");
        assertThat(Files.exists(kept.file())).isTrue();

        assertThat(uploads.take(id, "someone-else")).isEmpty();
        PendingUploads.Taken taken = uploads.take(id, "analyst").orElseThrow();
        assertThat(new String(taken.content(), StandardCharsets.UTF_8)).isEqualTo("编号,标题");
        assertThat(taken.pending().createMissing()).isTrue();
        assertThat(taken.pending().sheet()).isEqualTo("recommendations");
        assertThat(Files.exists(kept.file())).isFalse();
        assertThat(uploads.take(id, "analyst")).as("a second confirmation").isEmpty();
    }

    @Test
    void an_upload_left_for_30_minutes_is_forgotten_and_deleted() {
        UUID id = UUID.randomUUID();
        PendingUploads.Pending kept = uploads.keep(id, "analyst", "a.xlsx", bytes("x"), false, null);
        clock.advance(PendingUploads.KEPT_FOR.minusSeconds(1));
        uploads.forgetExpired();
        assertThat(uploads.holds(id)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(uploads.take(id, "analyst")).isEmpty();
        uploads.forgetExpired();
        assertThat(uploads.holds(id)).isFalse();
        assertThat(Files.exists(kept.file())).isFalse();
    }

    @Test
    void a_user_keeps_a_few_uploads_the_oldest_go_first() {
        UUID first = UUID.randomUUID();
        uploads.keep(first, "analyst", "1.csv", bytes("1"), false, null);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            uploads.keep(UUID.randomUUID(), "analyst", i + ".csv", bytes("n"), false, null);
        }
        assertThat(uploads.holds(first)).isFalse();
        assertThat(uploads.count()).isEqualTo(5);
        uploads.keep(UUID.randomUUID(), "admin", "a.csv", bytes("a"), false, null);
        assertThat(uploads.count()).isEqualTo(6);
    }

    @Test
    void the_name_sent_on_is_ascii_with_its_extension() {
        assertThat(SpreadsheetImport.wireName("建议 2025.xlsx")).isEqualTo("___2025.xlsx");
        assertThat(SpreadsheetImport.wireName("recommendations.csv")).isEqualTo("recommendations.csv");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
