package org.opcat.followup.web.recommendations;

import java.util.List;

/** The enumerations of SPEC §3 as the APIs spell them; their labels are in the message bundles. */
public final class Vocabulary {

    public static final List<String> STAGES = List.of("AWAITING_RESPONSE", "RESPONDED", "ACTION_PLAN_FILED", "IMPLEMENTED", "WITHDRAWN");
    public static final List<String> STATUSES = List.of("NOT_ASSESSED", "NOT_IMPLEMENTED", "IN_PROGRESS", "PARTIALLY_IMPLEMENTED", "IMPLEMENTED");
    public static final List<String> PRIORITIES = List.of("URGENT", "HIGH", "NORMAL");
    public static final List<String> CHANNELS = List.of("WRITTEN", "ORAL", "MEETING");
    public static final List<String> POSITIONS = List.of("ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED", "UNDER_CONSIDERATION");
    public static final List<String> SCOPES = List.of("PLACE_SPECIFIC", "SYSTEMIC");
    public static final List<String> SOURCE_KINDS = List.of("VISIT_REPORT", "THEMATIC_REPORT", "ANNUAL_REPORT", "LEGISLATIVE_OPINION", "SPT_REPORT", "OTHER");
    public static final List<String> WITHDRAWAL_REASONS = List.of("SUPERSEDED", "NO_LONGER_APPLICABLE", "ISSUED_IN_ERROR");
    public static final List<String> AUTHORITY_KINDS = List.of("MINISTRY", "DETENTION_ADMINISTRATION", "PLACE_MANAGEMENT", "LEGISLATURE", "JUDICIARY", "OTHER");
    public static final List<String> PLACE_TYPES = List.of("PRISON", "PRE_TRIAL_DETENTION", "POLICE_STATION", "IMMIGRATION_DETENTION",
            "PSYCHIATRIC_INSTITUTION", "SOCIAL_CARE_HOME", "JUVENILE_CENTRE", "MILITARY", "OTHER");
    public static final List<String> ROLES = List.of("ANALYST", "MANAGER", "REPORTER", "ADMIN");
    /** The languages a recommendation is most often written in (UN languages); the API takes any BCP 47 tag. */
    public static final List<String> LANGUAGES = List.of("zh", "en", "ar", "ru", "fr", "es");

    private Vocabulary() {
    }
}
