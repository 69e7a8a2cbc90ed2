package org.opcat.followup.query.replay;

/** A replay was asked for while one is in progress: answered as 409. */
public class ReplayAlreadyRunning extends RuntimeException {

    private final transient ReplayStatus status;

    public ReplayAlreadyRunning(ReplayStatus status) {
        super("a replay of the read models is in progress (" + status.state() + ", started "
                + status.startedAt() + ")");
        this.status = status;
    }

    public ReplayStatus status() {
        return status;
    }
}
