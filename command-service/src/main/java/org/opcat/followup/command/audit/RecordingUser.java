package org.opcat.followup.command.audit;

/** The user on whose behalf a command is recorded. */
@FunctionalInterface
public interface RecordingUser {
    String name();
}
