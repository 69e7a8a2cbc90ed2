package org.opcat.followup.command.http;

import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.command.refusal.InvalidInput;

/** Reads {@code If-Match: "<version>"} (weak tags and bare numbers accepted too). */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidInput("If-Match", ProblemCode.BAD_IF_MATCH);
    }
}
