package org.opcat.followup.query.replay;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * {@code followup.replay-on-start=true} (env FOLLOWUP_REPLAY_ON_START=true, or the command-line
 * argument {@code --followup.replay-on-start=true}): rebuild every read model once the service is
 * up, e.g. after a deploy that changed a projector. The service answers meanwhile; progress is in
 * the log and at GET /api/admin/replay/status. Leave it off for normal starts: every start would
 * rebuild from scratch.
 */
@Component
@ConditionalOnProperty(name = "followup.replay-on-start", havingValue = "true")
public class ReplayOnStart implements ApplicationListener<ApplicationReadyEvent> {

    private final ReadModelReplay replay;

    public ReplayOnStart(ReadModelReplay replay) {
        this.replay = replay;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        replay.start("start-up flag followup.replay-on-start");
    }
}
