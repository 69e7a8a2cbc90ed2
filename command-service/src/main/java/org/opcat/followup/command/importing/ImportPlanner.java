package org.opcat.followup.command.importing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opcat.followup.command.authority.AuthorityCommands.RegisterAuthority;
import org.opcat.followup.command.place.PlaceOfDetentionCommands.RegisterPlaceOfDetention;
import org.opcat.followup.command.recommendation.RecommendationCommands.FileActionPlan;
import org.opcat.followup.command.recommendation.RecommendationCommands.IssueRecommendation;
import org.opcat.followup.command.recommendation.RecommendationCommands.RecordAuthorityResponse;
import org.opcat.followup.command.recommendation.RecommendationCommands.RecordFollowUpVisit;
import org.opcat.followup.command.recommendation.RecommendationRequests.ActionPlanRequest;
import org.opcat.followup.command.recommendation.RecommendationRequests.FollowUpVisitRequest;
import org.opcat.followup.command.recommendation.RecommendationRequests.IssueRequest;
import org.opcat.followup.command.recommendation.RecommendationRequests.MeasureRequest;
import org.opcat.followup.command.recommendation.RecommendationRequests.ResponseRequest;
import org.opcat.followup.command.recommendation.RecommendationRequests.SourceRequest;
import org.opcat.followup.command.recommendation.ReferenceKey;
import org.opcat.followup.command.recommendation.RequestRules;
import org.opcat.followup.command.refusal.Problem;
import org.opcat.followup.command.refusal.Violations;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.place.PlaceType;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Measure;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.spreadsheet.CellProblem;
import org.opcat.followup.spreadsheet.Names;
import org.opcat.followup.spreadsheet.Sheet;
import org.opcat.followup.spreadsheet.SheetRow;
import org.springframework.stereotype.Component;

/**
 * Turns the rows of a file into the commands of the command API. Each row is checked by the very
 * request records the REST API validates (Bean Validation: required fields, text limits, tags);
 * the aggregate's rules are left to the aggregates, which see every command when the plan runs.
 * Names become ids here: authorities and places by normalized name, recommendations by reference.
 */
@Component
class ImportPlanner {

    /** A place created by an import has only a name: the rest says so, to be completed by an administrator. */
    static final String REGION_NOT_STATED = "not stated / 未注明";

    private static final Map<String, String> ISSUE_COLUMNS = Map.ofEntries(
            Map.entry("recommendationId", "reference"), Map.entry("source", "sourceKind"),
            Map.entry("source.kind", "sourceKind"), Map.entry("source.documentReference", "documentReference"),
            Map.entry("placeId", "place"), Map.entry("addresseeAuthorityIds", "addressees"));
    private static final Map<String, String> RESPONSE_COLUMNS = Map.of("authorityId", "authority",
            "responseId", "reference", "recommendationId", "reference", "If-Match", "reference");
    private static final Map<String, String> PLAN_COLUMNS = Map.of("authorityId", "authority",
            "actionPlanId", "planKey", "recommendationId", "reference", "measures", "measure",
            "description", "measure", "If-Match", "reference");
    private static final Map<String, String> VISIT_COLUMNS = Map.of("placeId", "place", "followUpId", "reference",
            "recommendationId", "reference", "If-Match", "reference");

    private final Validator validator;
    private final RequestRules rules;
    private final NamedRegisters registers;

    ImportPlanner(Validator validator, RequestRules rules, NamedRegisters registers) {
        this.validator = validator;
        this.rules = rules;
        this.registers = registers;
    }

    ImportPlan plan(Map<Sheet, List<SheetRow>> sheets, boolean createMissing) {
        return new Planning(registers.snapshot(), createMissing).plan(sheets);
    }

    /** One file's planning: what it has resolved so far, and what it found wrong. */
    private final class Planning {
        private final NamedRegisters.Snapshot known;
        private final boolean createMissing;
        private final List<CellProblem> problems = new ArrayList<>();
        private final Map<String, RegisterAuthority> newAuthorities = new LinkedHashMap<>();
        private final Map<String, RegisterPlaceOfDetention> newPlaces = new LinkedHashMap<>();
        /** Names no register has and this import does not register, by normalized name: the first spelling. */
        private final Map<String, String> unregisteredAuthorities = new LinkedHashMap<>();
        private final Map<String, String> unregisteredPlaces = new LinkedHashMap<>();
        /** Per recommendation (by reference key): its issue and then its entries, in sheet order. */
        private final Map<String, List<PlannedCommand>> byReference = new LinkedHashMap<>();
        private final Map<String, Integer> referenceRows = new LinkedHashMap<>();
        private final Map<String, UUID> recommendationIds = new LinkedHashMap<>();
        private final Set<String> refusedReferences = new LinkedHashSet<>();

        Planning(NamedRegisters.Snapshot known, boolean createMissing) {
            this.known = known;
            this.createMissing = createMissing;
        }

        ImportPlan plan(Map<Sheet, List<SheetRow>> sheets) {
            sheets.getOrDefault(Sheet.RECOMMENDATIONS, List.of()).forEach(this::recommendation);
            sheets.getOrDefault(Sheet.RESPONSES, List.of()).forEach(this::response);
            actionPlans(sheets.getOrDefault(Sheet.ACTION_PLANS, List.of()));
            sheets.getOrDefault(Sheet.FOLLOW_UP_VISITS, List.of()).forEach(this::visit);
            List<PlannedCommand> commands = new ArrayList<>();
            newAuthorities.values().forEach(c -> commands.add(new PlannedCommand(c, Sheet.RECOMMENDATIONS.key(), List.of(),
                    Map.of("name", "addressees", "authorityId", "addressees"))));
            newPlaces.values().forEach(c -> commands.add(new PlannedCommand(c, Sheet.RECOMMENDATIONS.key(), List.of(),
                    Map.of("name", "place", "placeId", "place", "authorityId", "addressees"))));
            byReference.values().forEach(commands::addAll);
            Map<String, Integer> rows = new LinkedHashMap<>();
            sheets.forEach((sheet, list) -> rows.put(sheet.key(), list.size()));
            return new ImportPlan(commands, problems, newAuthorities.values().stream().map(RegisterAuthority::name).toList(),
                    newPlaces.values().stream().map(RegisterPlaceOfDetention::name).toList(),
                    List.copyOf(unregisteredAuthorities.values()), List.copyOf(unregisteredPlaces.values()), rows);
        }

        private void recommendation(SheetRow row) {
            RowReading r = new RowReading(row, problems);
            String reference = r.text("reference");
            Integer earlier = null;
            if (reference != null) {
                earlier = referenceRows.putIfAbsent(ReferenceKey.of(reference), row.row());
                if (earlier != null) {
                    // The row's other problems are reported too; the reference stays the earlier row's.
                    r.problem("reference", "reference " + reference + " is already on row " + earlier,
                            ProblemCode.REFERENCE_REPEATED, args("reference", reference, "row", earlier));
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
                authority(r, "addressees", name).ifPresent(id -> {
                    if (addressees.contains(id)) {
                        r.problem("addressees", "authority " + name + " is listed twice", ProblemCode.AUTHORITY_LISTED_TWICE, Map.of());
                    }
                    addressees.add(id);
                });
            }
            UUID placeId = null;
            if (r.text("place") != null) {
                placeId = place(r, "place", r.text("place"), addressees.isEmpty() ? null : addressees.get(0)).orElse(null);
            }
            // Themes as the REST API stores them: lower-case tags, repeats dropped (RecommendationController).
            List<String> themes = List.copyOf(new LinkedHashSet<>(r.list("themes").stream()
                    .map(t -> t.toLowerCase(Locale.ROOT)).toList()));
            IssueRequest request = new IssueRequest(null, reference, r.text("title"), r.text("text"), r.language("language"),
                    issuedOn, new SourceRequest(sourceKind, r.text("documentReference")), placeId, addressees, themes,
                    scope, priority, r.list("standards"), responseDueOn, confidential);
            boolean valid = validate(r, request, ISSUE_COLUMNS);
            if (!r.clean() || !valid) {
                if (reference != null && earlier == null) {
                    refusedReferences.add(ReferenceKey.of(reference));
                }
                return;
            }
            String key = ReferenceKey.of(reference);
            UUID id = known.recommendation(reference).orElseGet(() -> ImportIds.recommendation(key));
            recommendationIds.put(key, id);
            IssueRecommendation command = new IssueRecommendation(id, reference, request.title(), request.text(),
                    request.language(), issuedOn, new Source(sourceKind, request.source().documentReference()), placeId,
                    addressees, themes, scope, priority, request.standards(), responseDueOn, confidential);
            byReference.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new PlannedCommand(command, row.sheet().key(), List.of(row.row()), ISSUE_COLUMNS));
        }

        private void response(SheetRow row) {
            RowReading r = new RowReading(row, problems);
            Optional<UUID> recommendation = recommendationOf(r);
            UUID authorityId = r.text("authority") == null ? null : authority(r, "authority", r.text("authority")).orElse(null);
            LocalDate receivedOn = r.date("receivedOn");
            Channel channel = r.choice("channel", Channel.class);
            Position position = r.choice("position", Position.class);
            ResponseRequest request = new ResponseRequest(null, authorityId, receivedOn, channel, position, r.text("text"),
                    r.text("documentReference"));
            boolean valid = validate(r, request, RESPONSE_COLUMNS);
            if (!r.clean() || !valid || recommendation.isEmpty()) {
                return;
            }
            UUID id = recommendation.get();
            UUID responseId = ImportIds.entry("response", id, authorityId, receivedOn, channel, position,
                    request.text(), request.documentReference());
            entry(r, new RecordAuthorityResponse(id, responseId, authorityId, receivedOn, channel, position, request.text(),
                    request.documentReference(), null), List.of(row.row()), RESPONSE_COLUMNS);
        }

        /** One plan per (reference, plan key); its rows are its measures, in sheet order. */
        private void actionPlans(List<SheetRow> rows) {
            Map<String, List<SheetRow>> plans = new LinkedHashMap<>();
            for (SheetRow row : rows) {
                String reference = row.value("reference");
                String planKey = row.value("planKey");
                plans.computeIfAbsent((reference == null ? "" : ReferenceKey.of(reference)) + '\u001f'
                        + (planKey == null ? "" : Names.key(planKey)), k -> new ArrayList<>()).add(row);
            }
            plans.values().forEach(this::actionPlan);
        }

        private void actionPlan(List<SheetRow> rows) {
            RowReading first = new RowReading(rows.get(0), problems);
            Optional<UUID> recommendation = recommendationOf(first);
            String authorityName = first.text("authority");
            UUID authorityId = authorityName == null ? null : authority(first, "authority", authorityName).orElse(null);
            LocalDate filedOn = first.date("filedOn");
            if (first.text("planKey") == null) {
                first.problem("planKey", "must not be blank: rows with the same reference and planKey are one plan",
                        ProblemCode.PLAN_KEY_REQUIRED, Map.of());
            }
            boolean clean = first.clean();
            List<MeasureRequest> measures = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                RowReading r = i == 0 ? first : new RowReading(rows.get(i), problems);
                if (i > 0) {
                    // The plan's own cells repeat on every measure row; a different value is a typing error.
                    sameAsFirst(r, first, "authority");
                    sameAsFirst(r, first, "filedOn");
                }
                measures.add(new MeasureRequest(r.text("measure"), r.text("responsibleUnit"), r.date("targetDate")));
                clean &= r.clean();
            }
            ActionPlanRequest request = new ActionPlanRequest(null, authorityId, filedOn, measures);
            clean &= validate(first, request, PLAN_COLUMNS, rows);
            if (!clean || recommendation.isEmpty()) {
                return;
            }
            UUID id = recommendation.get();
            UUID planId = planId(id, first.text("planKey"));
            List<Measure> domain = measures.stream().map(m -> new Measure(m.description(), m.responsibleUnit(),
                    m.targetDate())).toList();
            entry(first, new FileActionPlan(id, planId, authorityId, filedOn, domain, null),
                    rows.stream().map(SheetRow::row).toList(), PLAN_COLUMNS);
        }

        /**
         * An exported workbook writes each plan's own id as its key: taking it as the id makes a
         * re-imported export recognize the plan. Any other key names a plan of this recommendation.
         */
        private UUID planId(UUID recommendationId, String planKey) {
            try {
                if (planKey.length() == 36) {
                    return UUID.fromString(planKey);
                }
            } catch (IllegalArgumentException e) {
                // not an id: a key like P1 or 计划一
            }
            return ImportIds.entry("action-plan", recommendationId, Names.key(planKey));
        }

        private void sameAsFirst(RowReading r, RowReading first, String column) {
            String value = r.text(column);
            if (value != null && !Names.key(value).equals(Names.key(String.valueOf(first.text(column))))) {
                r.problem(column, "rows of one action plan (same reference and planKey) must have the same "
                        + column + " (" + first.text(column) + " on row " + first.row().row() + ")", ProblemCode.PLAN_ROWS_DIFFER,
                        args("column", column, "value", first.text(column), "row", first.row().row()));
            }
        }

        private void visit(SheetRow row) {
            RowReading r = new RowReading(row, problems);
            Optional<UUID> recommendation = recommendationOf(r);
            LocalDate visitedOn = r.date("visitedOn");
            ImplementationStatus status = r.choice("assessedStatus", ImplementationStatus.class);
            UUID placeId = null;
            if (r.text("place") != null) {
                placeId = place(r, "place", r.text("place"), null).orElse(null);
            }
            FollowUpVisitRequest request = new FollowUpVisitRequest(null, visitedOn, placeId, r.text("findings"), status);
            boolean valid = validate(r, request, VISIT_COLUMNS);
            if (!r.clean() || !valid || recommendation.isEmpty()) {
                return;
            }
            UUID id = recommendation.get();
            UUID followUpId = ImportIds.entry("follow-up-visit", id, visitedOn, placeId, request.findings(), status);
            entry(r, new RecordFollowUpVisit(id, followUpId, visitedOn, placeId, request.findings(), status, null),
                    List.of(row.row()), VISIT_COLUMNS);
        }

        private void entry(RowReading r, Object command, List<Integer> rows, Map<String, String> columns) {
            String key = ReferenceKey.of(r.text("reference"));
            byReference.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new PlannedCommand(command, r.row().sheet().key(), rows, columns));
        }

        /** The recommendation a row of a later sheet is about: in this file, or already on record. */
        private Optional<UUID> recommendationOf(RowReading r) {
            String reference = r.text("reference");
            if (reference == null) {
                r.problem("reference", "must not be blank", ProblemCode.NOT_BLANK, Map.of());
                return Optional.empty();
            }
            String key = ReferenceKey.of(reference);
            if (refusedReferences.contains(key)) {
                // Its recommendation row is reported already; a second problem here would only repeat it.
                return Optional.empty();
            }
            UUID id = recommendationIds.get(key);
            if (id == null) {
                Optional<UUID> recorded = known.recommendation(reference);
                if (recorded.isEmpty()) {
                    r.problem("reference", "no recommendation " + reference + " in this file's "
                            + Sheet.RECOMMENDATIONS.key() + " sheet or on record", ProblemCode.NO_RECOMMENDATION_REFERENCE,
                            Map.of("reference", reference));
                    return Optional.empty();
                }
                id = recorded.get();
                recommendationIds.put(key, id);
            }
            return Optional.of(id);
        }

        private Optional<UUID> authority(RowReading r, String column, String name) {
            Optional<List<UUID>> found = known.authority(name);
            if (found.isPresent()) {
                if (found.get().size() > 1) {
                    r.problem(column, found.get().size() + " authorities are named " + name + ": rename one first",
                            ProblemCode.AMBIGUOUS_AUTHORITY, args("count", found.get().size(), "name", name));
                    return Optional.empty();
                }
                return Optional.of(found.get().get(0));
            }
            RegisterAuthority planned = newAuthorities.get(Names.key(name));
            if (planned == null) {
                if (!createMissing) {
                    r.problem(column, "no authority named " + name + " (an administrator registers it, or imports with createMissing=true)",
                            ProblemCode.NO_AUTHORITY_NAMED, Map.of("name", name));
                    unregisteredAuthorities.putIfAbsent(Names.key(name), name);
                    return Optional.empty();
                }
                if (name.length() > org.opcat.followup.command.TextLimits.NAME) {
                    r.problem(column, "an authority name is at most " + org.opcat.followup.command.TextLimits.NAME + " characters",
                            ProblemCode.NAME_TOO_LONG, Map.of("max", org.opcat.followup.command.TextLimits.NAME));
                    return Optional.empty();
                }
                planned = new RegisterAuthority(ImportIds.authority(name), name, AuthorityKind.OTHER, null);
                newAuthorities.put(Names.key(name), planned);
            }
            return Optional.of(planned.authorityId());
        }

        /** A new place is operated by the row's first addressee; a visit cannot create one. */
        private Optional<UUID> place(RowReading r, String column, String name, UUID operatedBy) {
            Optional<List<UUID>> found = known.place(name);
            if (found.isPresent()) {
                if (found.get().size() > 1) {
                    r.problem(column, found.get().size() + " places are named " + name + ": rename one first",
                            ProblemCode.AMBIGUOUS_PLACE, args("count", found.get().size(), "name", name));
                    return Optional.empty();
                }
                return Optional.of(found.get().get(0));
            }
            RegisterPlaceOfDetention planned = newPlaces.get(Names.key(name));
            if (planned == null) {
                if (!createMissing || operatedBy == null) {
                    r.problem(column, "no place of detention named " + name
                            + (operatedBy == null ? "" : " (an administrator registers it, or imports with createMissing=true)"),
                            ProblemCode.NO_PLACE_NAMED, Map.of("name", name));
                    unregisteredPlaces.putIfAbsent(Names.key(name), name);
                    return Optional.empty();
                }
                if (name.length() > org.opcat.followup.command.TextLimits.NAME) {
                    r.problem(column, "a place name is at most " + org.opcat.followup.command.TextLimits.NAME + " characters",
                            ProblemCode.NAME_TOO_LONG, Map.of("max", org.opcat.followup.command.TextLimits.NAME));
                    return Optional.empty();
                }
                planned = new RegisterPlaceOfDetention(ImportIds.place(name), name, PlaceType.OTHER, REGION_NOT_STATED,
                        operatedBy);
                newPlaces.put(Names.key(name), planned);
            }
            return Optional.of(planned.placeId());
        }

        private boolean validate(RowReading r, Object request, Map<String, String> columns) {
            return validate(r, request, columns, List.of(r.row()));
        }

        /**
         * Bean Validation of the REST request record, and the rules the REST API checks beside it
         * (dates in the future...): every problem of the row at once, whatever else is wrong with it.
         * Problems on cells already reported are not repeated.
         */
        private boolean validate(RowReading r, Object request, Map<String, String> columns, List<SheetRow> rows) {
            Set<ConstraintViolation<Object>> violations = validator.validate(request);
            Map<String, Problem> found = new LinkedHashMap<>();
            for (ConstraintViolation<Object> violation : violations) {
                String path = violation.getPropertyPath().toString();
                Problem problem = Violations.problem(path, violation);
                // A blank cell is what a spreadsheet user sees, not a null.
                found.putIfAbsent(path, problem.code() == ProblemCode.NOT_NULL ? Problem.of(path, ProblemCode.NOT_BLANK) : problem);
            }
            rules.problems(request).forEach(p -> found.putIfAbsent(p.field(), p));
            for (Map.Entry<String, Problem> problem : found.entrySet()) {
                String path = problem.getKey();
                SheetRow at = r.row();
                String field = path;
                if (path.startsWith("measures[") && path.indexOf(']') > 0) {
                    int index = Integer.parseInt(path.substring("measures[".length(), path.indexOf(']')));
                    at = rows.get(Math.min(index, rows.size() - 1));
                    field = path.indexOf('.') > 0 ? path.substring(path.indexOf('.') + 1) : "measures";
                }
                int cut = indexOfAny(field);
                String name = cut < 0 ? field : field.substring(0, cut);
                String column = columns.getOrDefault(field, columns.getOrDefault(name, name));
                final SheetRow where = at;
                final String col = column;
                boolean reported = problems.stream().anyMatch(p -> p.row() != null && p.row() == where.row()
                        && col.equals(p.column()) && p.sheet().equals(where.sheet().key()));
                if (!reported) {
                    // The report's text is in English whatever the request's language, as the reading
                    // of its cells is; its code and arguments let a client word it for its reader.
                    Problem p = problem.getValue();
                    problems.add(new CellProblem(where.sheet().key(), where.row(), column, p.message(Locale.ENGLISH),
                            p.code().code(), p.args()));
                }
            }
            return found.isEmpty();
        }

        /** Arguments in the order given, as the report lists them. */
        private static Map<String, Object> args(Object... namesAndValues) {
            Map<String, Object> args = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                args.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
            return args;
        }

        private int indexOfAny(String field) {
            int bracket = field.indexOf('[');
            int dot = field.indexOf('.');
            if (bracket < 0) {
                return dot;
            }
            return dot < 0 ? bracket : Math.min(bracket, dot);
        }
    }
}
