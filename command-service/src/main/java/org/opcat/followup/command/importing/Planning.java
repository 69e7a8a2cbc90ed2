package org.opcat.followup.command.importing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.command.authority.AuthorityCommands.RegisterAuthority;
import org.opcat.followup.command.place.PlaceOfDetentionCommands.RegisterPlaceOfDetention;
import org.opcat.followup.command.recommendation.ReferenceKey;
import org.opcat.followup.command.recommendation.RequestRules;
import org.opcat.followup.command.refusal.Problem;
import org.opcat.followup.command.refusal.Violations;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.place.PlaceType;
import org.opcat.followup.spreadsheet.CellProblem;
import org.opcat.followup.spreadsheet.Names;
import org.opcat.followup.spreadsheet.Sheet;
import org.opcat.followup.spreadsheet.SheetRow;

/**
 * What the planning of one file shares between its sheets, passed to each sheet's planner: the
 * names resolved or to register, the recommendations by reference, the problems found so far, and
 * the checks every sheet's rows go through (names, references, the REST request's validation).
 */
final class Planning {

    final Validator validator;
    final RequestRules rules;
    final NamedRegisters.Snapshot known;
    final boolean createMissing;
    final List<CellProblem> problems = new ArrayList<>();
    final Map<String, RegisterAuthority> newAuthorities = new LinkedHashMap<>();
    final Map<String, RegisterPlaceOfDetention> newPlaces = new LinkedHashMap<>();
    /** Names no register has and this import does not register, by normalized name: the first spelling. */
    final Map<String, String> unregisteredAuthorities = new LinkedHashMap<>();
    final Map<String, String> unregisteredPlaces = new LinkedHashMap<>();
    /** Per recommendation (by reference key): its issue and then its entries, in sheet order. */
    final Map<String, List<PlannedCommand>> byReference = new LinkedHashMap<>();
    final Map<String, Integer> referenceRows = new LinkedHashMap<>();
    final Map<String, UUID> recommendationIds = new LinkedHashMap<>();
    final Set<String> refusedReferences = new LinkedHashSet<>();

    Planning(NamedRegisters.Snapshot known, boolean createMissing, Validator validator, RequestRules rules) {
        this.known = known;
        this.createMissing = createMissing;
        this.validator = validator;
        this.rules = rules;
    }

    /** The plan of the sheets planned so far: the registrations first, then each recommendation's commands. */
    ImportPlan plan(Map<Sheet, List<SheetRow>> sheets) {
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

    void entry(RowReading r, Object command, List<Integer> rows, Map<String, String> columns) {
        String key = ReferenceKey.of(r.text("reference"));
        byReference.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new PlannedCommand(command, r.row().sheet().key(), rows, columns));
    }

    /** The recommendation a row of a later sheet is about: in this file, or already on record. */
    Optional<UUID> recommendationOf(RowReading r) {
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

    Optional<UUID> authority(RowReading r, String column, String name) {
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
    Optional<UUID> place(RowReading r, String column, String name, UUID operatedBy) {
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
            planned = new RegisterPlaceOfDetention(ImportIds.place(name), name, PlaceType.OTHER, ImportPlanner.REGION_NOT_STATED,
                    operatedBy);
            newPlaces.put(Names.key(name), planned);
        }
        return Optional.of(planned.placeId());
    }

    boolean validate(RowReading r, Object request, Map<String, String> columns) {
        return validate(r, request, columns, List.of(r.row()));
    }

    /**
     * Bean Validation of the REST request record, and the rules the REST API checks beside it
     * (dates in the future...): every problem of the row at once, whatever else is wrong with it.
     * Problems on cells already reported are not repeated.
     */
    boolean validate(RowReading r, Object request, Map<String, String> columns, List<SheetRow> rows) {
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
    static Map<String, Object> args(Object... namesAndValues) {
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
