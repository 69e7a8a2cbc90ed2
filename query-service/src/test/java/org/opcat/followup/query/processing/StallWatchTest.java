package org.opcat.followup.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opcat.followup.testsupport.MovableClock;

class StallWatchTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final StallWatch watch = new StallWatch(Duration.ofSeconds(60), clock);

    @Test
    void aPositionThatStaysPutBehindTheHeadIsAStallOnceTheLimitHasPassed() {
        assertThat(watch.observe(100, 500)).isEmpty();
        clock.advance(Duration.ofSeconds(60));
        assertThat(watch.observe(100, 700)).as("not longer than the limit yet").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(watch.observe(100, 900)).contains(Duration.ofSeconds(61));
    }

    @Test
    void movingAgainEndsTheStall() {
        watch.observe(100, 500);
        clock.advance(Duration.ofMinutes(5));
        assertThat(watch.observe(100, 500)).isPresent();
        assertThat(watch.observe(101, 500)).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(watch.observe(101, 500)).as("the clock restarts when it moves").isEmpty();
    }

    @Test
    void aProcessorWithNothingToDoNeverStalls() {
        watch.observe(500, 500);
        clock.advance(Duration.ofHours(2));
        assertThat(watch.observe(500, 500)).isEmpty();
    }
}
