package org.opcat.followup.command.datasafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opcat.followup.command.datasafety.StoreWithServiceRole.insertEvent;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opcat.followup.eventstore.EventChain;
import org.opcat.followup.eventstore.EventChain.StoreDigest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Someone who may rewrite the table (the superuser) alters an event and recomputes every hash after
 * it: the chain holds again, but the store digest kept outside the database no longer matches.
 */
class StoreDigestTest {

    JdbcTemplate superuser;
    EventChain chain;
    String aggregate;

    @BeforeEach
    void storeSomeHistories() {
        StoreWithServiceRole store = StoreWithServiceRole.migrate();
        superuser = store.owner();
        chain = new EventChain(superuser);
        aggregate = UUID.randomUUID().toString();
        for (int sequence = 0; sequence < 4; sequence++) {
            insertEvent(store.service(), aggregate, sequence);
            insertEvent(store.service(), UUID.randomUUID().toString(), 0);
        }
    }

    @Test
    void eventsAppendedLaterLeaveAKeptDigestAsItWas() {
        StoreDigest kept = chain.verify().storeDigest();
        assertThat(kept.globalIndex()).isEqualTo(8);
        assertThat(kept.sha256()).matches("[0-9a-f]{64}");

        insertEvent(superuser, aggregate, 4);
        insertEvent(superuser, UUID.randomUUID().toString(), 0);

        assertThat(chain.digest(kept.globalIndex())).isEqualTo(kept);
        assertThat(chain.verify().storeDigest().sha256()).isNotEqualTo(kept.sha256());
    }

    @Test
    void anAlteredEventWithEveryHashRecomputedChangesTheDigest() {
        StoreDigest kept = chain.verify().storeDigest();

        asSuperuserWithoutTriggers("UPDATE events.domain_event_entry SET payload = convert_to('{\"a\":2}', 'UTF8') "
                + "WHERE aggregateIdentifier = '" + aggregate + "' AND sequenceNumber = 1");
        assertThat(chain.verify().intact()).as("the chain alone sees the change").isFalse();
        recomputeEveryLink();

        assertThat(chain.verify().intact()).as("the chain alone no longer sees it").isTrue();
        assertThat(chain.digest(kept.globalIndex()).sha256()).isNotEqualTo(kept.sha256());
    }

    @Test
    void aRemovedLastEventChangesTheDigest() {
        StoreDigest kept = chain.verify().storeDigest();

        asSuperuserWithoutTriggers("DELETE FROM events.domain_event_entry "
                + "WHERE aggregateIdentifier = '" + aggregate + "' AND sequenceNumber = 3");

        assertThat(chain.verify().intact()).as("a history cut short still chains").isTrue();
        assertThat(chain.digest(kept.globalIndex()).sha256()).isNotEqualTo(kept.sha256());
    }

    private void asSuperuserWithoutTriggers(String sql) {
        // One connection: the setting belongs to the session.
        superuser.execute((java.sql.Connection connection) -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
                statement.execute(sql);
                statement.execute("SET session_replication_role = origin");
            }
            return null;
        });
    }

    private void recomputeEveryLink() {
        asSuperuserWithoutTriggers("""
                DO $$
                DECLARE
                    e RECORD;
                BEGIN
                    FOR e IN SELECT globalIndex FROM events.domain_event_entry ORDER BY aggregateIdentifier, sequenceNumber LOOP
                        UPDATE events.domain_event_entry d
                           SET hash = events.event_hash(
                                   (SELECT p.hash FROM events.domain_event_entry p
                                     WHERE p.aggregateIdentifier = d.aggregateIdentifier AND p.sequenceNumber = d.sequenceNumber - 1),
                                   d.aggregateIdentifier, d.sequenceNumber, d.type, d.eventIdentifier, d.payloadType,
                                   d.payloadRevision, d.timeStamp, d.metaData, d.payload)
                         WHERE d.globalIndex = e.globalIndex;
                    END LOOP;
                END
                $$""");
    }
}
