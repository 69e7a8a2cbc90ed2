package org.opcat.followup.web.recommendations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opcat.followup.web.relay.QueryApi;
import org.springframework.stereotype.Component;

/** The authority and place registers, for pickers and to show names instead of ids. */
@Component
public class Registers {

    /** One choice of a picker. */
    public record Option(String value, String label) {
    }

    /** A snapshot of both registers for one page. */
    public record Snapshot(List<Map<String, Object>> authorities, List<Map<String, Object>> places) {

        public Map<String, String> authorityNames() {
            return names(authorities, "authorityId");
        }

        public Map<String, String> placeNames() {
            return names(places, "placeId");
        }

        public List<Option> authorityOptions() {
            return authorities.stream().map(a -> new Option(String.valueOf(a.get("authorityId")), String.valueOf(a.get("name")))).toList();
        }

        public List<Option> placeOptions() {
            return places.stream().map(p -> new Option(String.valueOf(p.get("placeId")),
                    p.get("name") + " (" + p.get("region") + ")")).toList();
        }

        private static Map<String, String> names(List<Map<String, Object>> rows, String idField) {
            Map<String, String> names = new LinkedHashMap<>();
            rows.forEach(r -> names.put(String.valueOf(r.get(idField)), String.valueOf(r.get("name"))));
            return names;
        }
    }

    private final QueryApi query;

    Registers(QueryApi query) {
        this.query = query;
    }

    public Snapshot now() {
        return new Snapshot(query.list("/api/authorities"), query.list("/api/places"));
    }
}
