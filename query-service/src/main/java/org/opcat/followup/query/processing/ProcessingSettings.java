package org.opcat.followup.query.processing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What an operator may tune on the read-model processor: {@code followup.processing.*}, each with
 * an environment variable named in application.yml ({@code FOLLOWUP_PROCESSOR_THREADS},
 * {@code FOLLOWUP_PROCESSOR_SEGMENTS}, {@code FOLLOWUP_PROCESSOR_MAX_CLAIMED_SEGMENTS},
 * {@code FOLLOWUP_PROCESSOR_BATCH_SIZE}, {@code FOLLOWUP_PROCESSOR_TOKEN_CLAIM_INTERVAL},
 * {@code FOLLOWUP_PROCESSOR_CLAIM_TIMEOUT}, {@code FOLLOWUP_NODE_NAME}; listed in docs/query-side.md).
 *
 * @param threads            worker threads of this instance: how many segments it processes at once
 * @param segments           segments created when the token table is still empty; later changes
 *                           need a split/merge or a replay (the token table keeps the old count)
 * @param maxClaimedSegments caps this instance's fair share of the segments ({@link SegmentShare}); 0:
 *                           no cap
 * @param batchSize          most events per transaction (the read models' rows are sent once per
 *                           batch, {@link ReadModelWrites}): larger batches replay faster, a poison
 *                           event makes the whole batch run twice
 * @param tokenClaimInterval how often an instance looks for unclaimed segments (another instance
 *                           died or released them)
 * @param claimTimeout       how long a claim of a silent instance is honoured before others take
 *                           its segments over
 * @param nodeName           the owner written into token_entry; must differ between instances
 *                           (default: process id @ host name)
 */
@ConfigurationProperties("followup.processing")
public record ProcessingSettings(
        @DefaultValue("2") int threads,
        @DefaultValue("4") int segments,
        @DefaultValue("0") int maxClaimedSegments,
        @DefaultValue("100") int batchSize,
        @DefaultValue("2s") Duration tokenClaimInterval,
        @DefaultValue("10s") Duration claimTimeout,
        String nodeName) {

    public ProcessingSettings {
        if (threads < 1 || segments < 1 || batchSize < 1) {
            throw new IllegalArgumentException("followup.processing: threads, segments and batch-size must be at least 1");
        }
        if (maxClaimedSegments < 0) {
            throw new IllegalArgumentException("followup.processing.max-claimed-segments must be 0 (no limit) or more");
        }
        if (maxClaimedSegments == 0) {
            maxClaimedSegments = Short.MAX_VALUE;
        }
        if (nodeName == null || nodeName.isBlank()) {
            nodeName = ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
