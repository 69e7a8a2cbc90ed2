package org.opcat.followup.query.recommendations;

import org.opcat.followup.api.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opcat.followup.query.http.BadQuery;

/**
 * {@code sort=field,asc|desc} (repeatable) over a whitelist, turned into an ORDER BY that never
 * contains client text. Enumerations sort in their natural order (URGENT before NORMAL), not
 * alphabetically; reference and id always end the ordering so pages are stable.
 */
public final class RecommendationSort {

    private static final Map<String, String> COLUMNS = Map.of(
            "reference", "reference",
            "title", "title",
            "issuedOn", "issued_on",
            "responseDueOn", "response_due_on",
            "lastActivityOn", "last_activity_on",
            "priority", "array_position(ARRAY['URGENT','HIGH','NORMAL'], priority)",
            "stage", "array_position(ARRAY['AWAITING_RESPONSE','RESPONDED','ACTION_PLAN_FILED','IMPLEMENTED',"
                    + "'WITHDRAWN'], stage)",
            "implementationStatus", "array_position(ARRAY['NOT_ASSESSED','NOT_IMPLEMENTED','IN_PROGRESS',"
                    + "'PARTIALLY_IMPLEMENTED','IMPLEMENTED'], implementation_status)");

    private static final String TIE_BREAK = "reference ASC, recommendation_id ASC";
    private static final String DEFAULT = "issued_on DESC NULLS LAST, " + TIE_BREAK;

    private RecommendationSort() {
    }

    public static String orderBy(String[] sortParameters) {
        if (sortParameters == null || sortParameters.length == 0) {
            return DEFAULT;
        }
        List<String> terms = new ArrayList<>();
        for (String parameter : sortParameters) {
            String[] parts = parameter.split(",", -1);
            String column = COLUMNS.get(parts[0].trim());
            if (column == null || parts.length > 2) {
                throw new BadQuery("sort", ProblemCode.UNKNOWN_SORT, "value", parameter,
                        "allowed", COLUMNS.keySet().stream().sorted().toList());
            }
            String direction = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new BadQuery("sort", ProblemCode.BAD_DIRECTION, "value", parameter);
            }
            terms.add(column + " " + direction.toUpperCase(Locale.ROOT) + " NULLS LAST");
        }
        return String.join(", ", terms) + ", " + TIE_BREAK;
    }
}
