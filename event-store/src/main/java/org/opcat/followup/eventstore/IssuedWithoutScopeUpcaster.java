package org.opcat.followup.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.Scope;

/**
 * Reads the first version of {@link RecommendationIssued} (no revision, no {@code scope}) as the
 * current one. The default follows the SPEC's own distinction: a recommendation that names a place
 * is PLACE_SPECIFIC, one that names none is SYSTEMIC. Stored events are never rewritten.
 */
public class IssuedWithoutScopeUpcaster extends SingleEventUpcaster {

    private static final String TYPE = RecommendationIssued.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, RecommendationIssued.REVISION), JsonNode.class,
                payload -> {
                    if (!payload.hasNonNull("scope") && payload instanceof ObjectNode issued) {
                        issued.put("scope", (payload.hasNonNull("placeId") ? Scope.PLACE_SPECIFIC : Scope.SYSTEMIC).name());
                    }
                    return payload;
                });
    }
}
