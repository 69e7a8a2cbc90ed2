package org.opcat.followup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Commands per second through command-service's REST API, from n concurrent clients, each a
 * loop of issue → response → action plan → follow-up visit on recommendations of its own (the
 * mixed kinds of a working day; every command its own HTTP request and transaction). The
 * recommendations are kept for the freshness measurement.
 */
final class AppendThroughHttp {

    record Result(int clients, int commands, double seconds, double perSecond) {
    }

    private final Api analyst;
    private final List<UUID> authorities = new ArrayList<>();
    private final List<UUID> places = new ArrayList<>();
    final ConcurrentLinkedQueue<UUID> recommendations = new ConcurrentLinkedQueue<>();

    AppendThroughHttp(Api analyst, Api admin, String run, int clients) {
        this.analyst = analyst;
        for (int i = 0; i < clients; i++) {
            UUID authority = UUID.randomUUID();
            admin.post("/api/authorities", Map.of("authorityId", authority, "name", "Bench authority " + run + " " + i,
                    "kind", "DETENTION_ADMINISTRATION"));
            UUID place = UUID.randomUUID();
            admin.post("/api/places", Map.of("placeId", place, "name", "Bench place " + run + " " + i, "type", "PRISON",
                    "region", "华东", "authorityId", authority));
            authorities.add(authority);
            places.add(place);
        }
    }

    Result run(int clients, int commands, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            int share = commands / clients;
            done.add(pool.submit(() -> {
                for (int i = 0; i < share; i += 4) {
                    recommend(label + "-" + client + "-" + i, authorities.get(client), places.get(client), Math.min(4, share - i));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        int sent = (commands / clients) * clients;
        return new Result(clients, sent, seconds, sent / seconds);
    }

    /** Up to four commands on one new recommendation, business dates in the past. */
    private void recommend(String reference, UUID authority, UUID place, int steps) {
        UUID id = UUID.randomUUID();
        LocalDate issued = LocalDate.now().minusDays(400);
        Map<String, Object> issue = new HashMap<>();
        issue.put("recommendationId", id);
        issue.put("reference", "BENCH/" + reference);
        issue.put("title", "确保入所体检在24小时内完成 Medical examination within 24 hours");
        issue.put("text", "所有新入所人员应在入所后24小时内由医务人员进行体检，并记录任何伤情。 Every new detainee is examined by "
                + "a medical doctor within 24 hours of admission, and any injury is recorded and reported.");
        issue.put("language", "zh");
        issue.put("issuedOn", issued.toString());
        issue.put("source", Map.of("kind", "VISIT_REPORT", "documentReference", "Visit report " + reference));
        issue.put("placeId", place);
        issue.put("addresseeAuthorityIds", List.of(authority));
        issue.put("themes", List.of("health-care"));
        issue.put("scope", "PLACE_SPECIFIC");
        issue.put("priority", "HIGH");
        issue.put("standards", List.of("Nelson Mandela Rules, rule 30"));
        issue.put("responseDueOn", issued.plusDays(60).toString());
        issue.put("confidential", false);
        analyst.post("/api/recommendations", issue);
        recommendations.add(id);
        String base = "/api/recommendations/" + id;
        if (steps > 1) {
            analyst.post(base + "/responses", Map.of("responseId", UUID.randomUUID(), "authorityId", authority,
                    "receivedOn", issued.plusDays(30).toString(), "channel", "WRITTEN", "position", "ACCEPTED",
                    "text", "该机关接受本建议，将于年内完成整改。 The authority accepts the recommendation."));
        }
        if (steps > 2) {
            analyst.post(base + "/action-plans", Map.of("actionPlanId", UUID.randomUUID(), "authorityId", authority,
                    "filedOn", issued.plusDays(60).toString(), "measures", List.of(
                            Map.of("description", "制定书面规程并培训工作人员 Write a procedure and train staff",
                                    "responsibleUnit", "培训处", "targetDate", issued.plusDays(150).toString()))));
        }
        if (steps > 3) {
            visit(id, issued.plusDays(200));
        }
    }

    /** A follow-up visit; answers the recommendation's new version. */
    long visit(UUID recommendation, LocalDate on) {
        JsonNode answer = analyst.post("/api/recommendations/" + recommendation + "/follow-up-visits", Map.of(
                "followUpId", UUID.randomUUID(), "visitedOn", on.toString(),
                "findings", "复查发现部分整改已完成。 Part of the work is done.", "assessedStatus", "IN_PROGRESS"));
        return answer.path("version").asLong();
    }
}
