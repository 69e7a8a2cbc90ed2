package org.opcat.followup.query.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.UnknownSerializedType;
import org.opcat.followup.query.ReadModels;
import org.springframework.stereotype.Component;

/**
 * Turns events that no projector could ever apply into recorded poison events.
 *
 * <p>An event whose payload type this build does not know (a renamed class, a row written by hand, a
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

    /** A row the storage engine could not read (see {@link QuarantiningEventStorageEngine}). */
    @EventHandler
    public void on(UnreadableEvent unreadable) {
        throw new UnreadableEventException(unreadable);
    }

    /** Thrown for an event that could not be read: names what the row claimed to be and why it failed. */
    public static class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(UnreadableEvent event) {
            super("event of payload type " + event.payloadType() + " could not be read: " + event.errorClass()
                    + ": " + event.error());
        }
    }

    /** Thrown for an event of a type no class of this build matches. */
    public static class UnknownEventType extends RuntimeException {
        public UnknownEventType(String type, String revision) {
            super("no event class for payload type " + type + (revision == null ? "" : " revision " + revision));
        }
    }
}
