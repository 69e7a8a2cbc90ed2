package org.opcat.followup.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A state enters the cache only with the commit of the transaction that produced it. */
class CommittedAggregateCacheTest {

    private final CommittedAggregateCache cache = new CommittedAggregateCache(2);

    @AfterEach
    void endSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void a_state_put_in_a_transaction_is_cached_once_it_commits() {
        cache.put("a", "version 0");
        TransactionSynchronizationManager.initSynchronization();
        cache.put("a", "version 1");
        assertThat(cache.<String, String>get("a")).isNull();
        complete(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(cache.<String, String>get("a")).isEqualTo("version 1");
    }

    @Test
    void a_state_put_in_a_transaction_that_rolls_back_is_forgotten() {
        cache.put("a", "version 0");
        TransactionSynchronizationManager.initSynchronization();
        cache.put("a", "version 1 (dry run)");
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void the_least_recently_used_state_leaves_first() {
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");
        cache.put("c", 3);
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
    }

    private static void complete(int status) {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCompletion(status);
        }
        TransactionSynchronizationManager.clearSynchronization();
    }
}
