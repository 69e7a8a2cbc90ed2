package org.opcat.followup.query.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opcat.followup.query.http.Page;
import org.opcat.followup.query.http.PageRequest;
import org.opcat.followup.query.recommendations.RecommendationDetail;
import org.opcat.followup.query.recommendations.RecommendationDetails;
import org.opcat.followup.query.recommendations.RecommendationFilter;
import org.opcat.followup.query.recommendations.RecommendationQueries;
import org.opcat.followup.query.recommendations.RecommendationSummary;
import org.opcat.followup.spreadsheet.Sheet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A filtered list of recommendations in the import layout (docs/spreadsheet-layout.md): the same
 * list and detail queries as GET /api/recommendations and /{id}, page by page, with authorities
 * and places written by name, as the import matches them.
 */
@Component
class RecommendationExport {

    private final RecommendationQueries queries;
    private final RecommendationDetails details;
    private final JdbcTemplate jdbc;

    RecommendationExport(RecommendationQueries queries, RecommendationDetails details, JdbcTemplate jdbc) {
        this.queries = queries;
        this.details = details;
        this.jdbc = jdbc;
    }

    /** One repeatable-read snapshot, so pages cannot skip or repeat a recommendation that changes meanwhile. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<Sheet, List<Map<String, String>>> sheets(RecommendationFilter filter, String orderBy, LocalDate today) {
        Map<UUID, String> authorities = names("SELECT authority_id, name FROM authority");
        Map<UUID, String> places = names("SELECT place_id, name FROM place");
        Map<Sheet, List<Map<String, String>>> sheets = new EnumMap<>(Sheet.class);
        for (Sheet sheet : Sheet.values()) {
            sheets.put(sheet, new ArrayList<>());
        }
        for (int page = 0; ; page++) {
            Page<RecommendationSummary> summaries = queries.list(filter, new PageRequest(page, PageRequest.MAX_SIZE), orderBy, today);
            for (RecommendationSummary summary : summaries.content()) {
                details.find(summary.recommendationId(), today)
                        .ifPresent(detail -> add(detail, authorities, places, sheets));
            }
            if (page + 1 >= summaries.totalPages()) {
                return sheets;
            }
        }
    }

    private static void add(RecommendationDetail detail, Map<UUID, String> authorities, Map<UUID, String> places,
            Map<Sheet, List<Map<String, String>>> sheets) {
        RecommendationSummary s = detail.summary();
        Map<String, String> rec = new LinkedHashMap<>();
        rec.put("reference", s.reference());
        rec.put("title", s.title());
        rec.put("text", detail.text());
        rec.put("language", s.language());
        rec.put("issuedOn", text(s.issuedOn()));
        rec.put("sourceKind", detail.source() == null ? null : detail.source().kind());
        rec.put("documentReference", detail.source() == null ? null : detail.source().documentReference());
        rec.put("place", s.placeId() == null ? null : places.get(s.placeId()));
        rec.put("addressees", s.addresseeAuthorityIds().stream().map(authorities::get).filter(Objects::nonNull)
                .collect(Collectors.joining(Sheet.LIST_SEPARATOR)));
        rec.put("themes", String.join(Sheet.LIST_SEPARATOR, s.themes()));
        rec.put("scope", s.scope());
        rec.put("priority", s.priority());
        rec.put("standards", String.join(Sheet.LIST_SEPARATOR, detail.standards()));
        rec.put("responseDueOn", text(s.responseDueOn()));
        rec.put("confidential", String.valueOf(s.confidential()));
        sheets.get(Sheet.RECOMMENDATIONS).add(rec);
        for (RecommendationDetail.Response response : detail.responses()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("reference", s.reference());
            row.put("authority", authorities.get(response.authorityId()));
            row.put("receivedOn", text(response.receivedOn()));
            row.put("channel", response.channel());
            row.put("position", response.position());
            row.put("text", response.text());
            row.put("documentReference", response.documentReference());
            sheets.get(Sheet.RESPONSES).add(row);
        }
        for (RecommendationDetail.ActionPlan plan : detail.actionPlans()) {
            for (RecommendationDetail.Measure measure : plan.measures()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("reference", s.reference());
                // The plan's own id: importing the export again recognizes the plan instead of adding a copy.
                row.put("planKey", plan.actionPlanId().toString());
                row.put("authority", authorities.get(plan.authorityId()));
                row.put("filedOn", text(plan.filedOn()));
                row.put("measure", measure.description());
                row.put("responsibleUnit", measure.responsibleUnit());
                row.put("targetDate", text(measure.targetDate()));
                sheets.get(Sheet.ACTION_PLANS).add(row);
            }
        }
        for (RecommendationDetail.FollowUpVisit visit : detail.followUpVisits()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("reference", s.reference());
            row.put("visitedOn", text(visit.visitedOn()));
            row.put("place", visit.placeId() == null ? null : places.get(visit.placeId()));
            row.put("findings", visit.findings());
            row.put("assessedStatus", visit.assessedStatus());
            sheets.get(Sheet.FOLLOW_UP_VISITS).add(row);
        }
    }

    private Map<UUID, String> names(String sql) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.query(sql, rs -> {
            names.put(rs.getObject(1, UUID.class), rs.getString(2));
        });
        return names;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
