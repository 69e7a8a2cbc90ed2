package org.opcat.followup.query.replay;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code followup.replay-on-start=true} (env FOLLOWUP_REPLAY_ON_START=true, or the command-line
 * argument {@code --followup.replay-on-start=true}): rebuild every read model at start-up, e.g.
 * after a deploy that changed a projector or after emptying the token table to change the segment
 * count. The reset runs in Axon's start sequence just before the event processors start, so the
 * processor never touches the old rows; the service answers meanwhile, and progress is in the log
 * and at GET /api/admin/replay/status. Leave it off for normal starts: every start would rebuild.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "followup.replay-on-start", havingValue = "true")
public class ReplayOnStart {

    @Bean
    public ConfigurerModule replayBeforeProcessorsStart(ObjectProvider<ReadModelReplay> replay) {
        // Looked up when the phase runs, not now: the replay needs the built Axon configuration.
        return configurer -> configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1,
                () -> replay.getObject().resetBeforeStart("start-up flag followup.replay-on-start"));
    }
}
