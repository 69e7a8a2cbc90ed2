package org.opcat.followup.command.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.command.recommendation.RecommendationCommands.IssueRecommendation;
import org.opcat.followup.command.recommendation.RecommendationRequests.IssueRequest;
import org.opcat.followup.command.recommendation.RecommendationRequests.SourceRequest;
import org.opcat.followup.command.recommendation.ReferenceKey;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.opcat.followup.spreadsheet.SheetRow;

/** Plans the recommendations sheet: a recommendation per row, registering the names it lacks when asked to. */
final class RecommendationSheet {

    private static final Map<String, String> ISSUE_COLUMNS = Map.ofEntries(
            Map.entry("recommendationId", "reference"), Map.entry("source", "sourceKind"),
            Map.entry("source.kind", "sourceKind"), Map.entry("source.documentReference", "documentReference"),
            Map.entry("placeId", "place"), Map.entry("addresseeAuthorityIds", "addressees"));

    private RecommendationSheet() {
    }

    static void plan(SheetRow row, Planning planning) {
        RowReading r = new RowReading(row, planning.problems);
        String reference = r.text("reference");
        Integer earlier = null;
        if (reference != null) {
            earlier = planning.referenceRows.putIfAbsent(ReferenceKey.of(reference), row.row());
            if (earlier != null) {
                // The row's other planning.problems are reported too; the reference stays the earlier row's.
                r.problem("reference", "reference " + reference + " is already on row " + earlier,
                        ProblemCode.REFERENCE_REPEATED, Planning.args("reference", reference, "row", earlier));
            }
        }
        LocalDate issuedOn = r.date("issuedOn");
        LocalDate responseDueOn = r.date("responseDueOn");
        SourceKind sourceKind = r.choice("sourceKind", SourceKind.class);
        Scope scope = r.choice("scope", Scope.class);
        Priority priority = r.choice("priority", Priority.class);
        boolean confidential = r.flag("confidential");
        List<UUID> addressees = new ArrayList<>();
        for (String name : r.list("addressees")) {
            planning.authority(r, "addressees", name).ifPresent(id -> {
                if (addressees.contains(id)) {
                    r.problem("addressees", "authority " + name + " is listed twice", ProblemCode.AUTHORITY_LISTED_TWICE, Map.of());
                }
                addressees.add(id);
            });
        }
        UUID placeId = null;
        if (r.text("place") != null) {
            placeId = planning.place(r, "place", r.text("place"), addressees.isEmpty() ? null : addressees.get(0)).orElse(null);
        }
        // Themes as the REST API stores them: lower-case tags, repeats dropped (RecommendationController).
        List<String> themes = List.copyOf(new LinkedHashSet<>(r.list("themes").stream()
                .map(t -> t.toLowerCase(Locale.ROOT)).toList()));
        IssueRequest request = new IssueRequest(null, reference, r.text("title"), r.text("text"), r.language("language"),
                issuedOn, new SourceRequest(sourceKind, r.text("documentReference")), placeId, addressees, themes,
                scope, priority, r.list("standards"), responseDueOn, confidential);
        boolean valid = planning.validate(r, request, ISSUE_COLUMNS);
        if (!r.clean() || !valid) {
            if (reference != null && earlier == null) {
                planning.refusedReferences.add(ReferenceKey.of(reference));
            }
            return;
        }
        String key = ReferenceKey.of(reference);
        UUID id = planning.known.recommendation(reference).orElseGet(() -> ImportIds.recommendation(key));
        planning.recommendationIds.put(key, id);
        IssueRecommendation command = new IssueRecommendation(id, reference, request.title(), request.text(),
                request.language(), issuedOn, new Source(sourceKind, request.source().documentReference()), placeId,
                addressees, themes, scope, priority, request.standards(), responseDueOn, confidential);
        planning.byReference.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new PlannedCommand(command, row.sheet().key(), List.of(row.row()), ISSUE_COLUMNS));
    }
}
