package org.opcat.followup.query.processing;

/**
 * Stands in for a stored event that could not even be read (its metadata, or its payload on the way
 * through an upcaster, is broken): see {@link QuarantiningEventStorageEngine}. Carries what the row
 * said it was and why it failed; the row's position, aggregate and sequence number stay those of the
 * original, so the poison-event policy records and parks it like any other failure.
 */
public record UnreadableEvent(String payloadType, String payloadRevision, String errorClass, String error) {
}
