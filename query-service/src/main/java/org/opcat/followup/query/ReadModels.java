package org.opcat.followup.query;

/**
 * Every projector of this service is in this one processing group, so one event's effects on all
 * read tables commit in one transaction together with the tracking token: a reader that sees a
 * recommendation at version N sees every read model at version N, and a replay rebuilds all of
 * them from one stream.
 */
public final class ReadModels {

    public static final String PROCESSING_GROUP = "read-models";

    private ReadModels() {
    }
}
