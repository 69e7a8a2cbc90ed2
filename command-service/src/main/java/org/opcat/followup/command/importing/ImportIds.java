package org.opcat.followup.command.importing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.opcat.followup.spreadsheet.Names;

/**
 * Ids derived from what a row says, never random: the same file imported twice names the same
 * records, and the command API's client-id idempotency (same id, same content: nothing new) does
 * the rest. Changing the namespace would make every earlier import look new: never change it.
 */
final class ImportIds {

    private static final String NAMESPACE = "org.opcat.followup/import/";

    private ImportIds() {
    }

    static UUID recommendation(String referenceKey) {
        return id("recommendation/" + referenceKey);
    }

    static UUID authority(String name) {
        return id("authority/" + Names.key(name));
    }

    static UUID place(String name) {
        return id("place/" + Names.key(name));
    }

    /** A response, visit or plan: its recommendation plus the row's content (or the plan key). */
    static UUID entry(String kind, UUID recommendationId, Object... content) {
        StringBuilder key = new StringBuilder(kind).append('/').append(recommendationId);
        for (Object part : content) {
            // A separator no cell can contain (control characters are refused), so parts never run together.
            key.append('\u001f').append(part);
        }
        return id(key.toString());
    }

    private static UUID id(String key) {
        return UUID.nameUUIDFromBytes((NAMESPACE + key).getBytes(StandardCharsets.UTF_8));
    }
}
