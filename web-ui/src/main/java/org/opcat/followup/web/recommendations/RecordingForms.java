package org.opcat.followup.web.recommendations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The recording forms of a recommendation page, named after the command API's paths, each with the
 * fields its request body has. Which are offered follows SPEC §3: an open recommendation takes
 * everything but a reopening; an implemented or withdrawn one only a reopening.
 */
final class RecordingForms {

    static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("responses", List.of("responseId", "authorityId", "receivedOn", "channel", "position", "text", "documentReference"));
        FIELDS.put("action-plans", List.of("actionPlanId", "authorityId", "filedOn"));
        FIELDS.put("follow-up-visits", List.of("followUpId", "visitedOn", "placeId", "findings", "assessedStatus"));
        FIELDS.put("assessments", List.of("assessmentId", "assessedOn", "status", "basis", "note"));
        FIELDS.put("implementation", List.of("implementedOn", "evidence"));
        FIELDS.put("reiterations", List.of("reiteratedOn", "documentReference"));
        FIELDS.put("withdrawal", List.of("withdrawnOn", "reason", "supersededBy"));
        FIELDS.put("reopening", List.of("reopenedOn", "reason"));
    }

    /** The client-chosen id of each create-like form: a resubmitted form then records nothing twice. */
    private static final Map<String, String> CLIENT_IDS = Map.of("responses", "responseId", "action-plans", "actionPlanId",
            "follow-up-visits", "followUpId", "assessments", "assessmentId");

    private static final Map<String, String> DATE_FIELDS = Map.of("responses", "receivedOn", "action-plans", "filedOn",
            "follow-up-visits", "visitedOn", "assessments", "assessedOn", "implementation", "implementedOn",
            "reiterations", "reiteratedOn", "withdrawal", "withdrawnOn", "reopening", "reopenedOn");

    private RecordingForms() {
    }

    static List<String> offered(boolean open) {
        return FIELDS.keySet().stream().filter(kind -> open != kind.equals("reopening")).toList();
    }

    /** A blank form: today's date, a fresh client id, one empty measure row. */
    static Map<String, String> blank(String kind, String today) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(DATE_FIELDS.get(kind), today);
        if (CLIENT_IDS.containsKey(kind)) {
            values.put(CLIENT_IDS.get(kind), UUID.randomUUID().toString());
        }
        return values;
    }
}
