package org.opcat.followup.query.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.UnknownSerializedType;
import org.opcat.followup.query.ReadModels;
import org.springframework.stereotype.Component;

/**
 * An event whose payload type this build does not know (a renamed class, a row written by hand, a
 * newer command-service) would otherwise match no handler and pass unnoticed, leaving its aggregate's
 * read models silently stale. Failing on it turns it into a recorded poison event instead.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class UnknownEventTypes {

    @EventHandler
    public void on(UnknownSerializedType unknown) {
        throw new UnknownEventType(unknown.serializedType().getName(), unknown.serializedType().getRevision());
    }

    /** Thrown for an event of a type no class of this build matches. */
    public static class UnknownEventType extends RuntimeException {
        public UnknownEventType(String type, String revision) {
            super("no event class for payload type " + type + (revision == null ? "" : " revision " + revision));
        }
    }
}
