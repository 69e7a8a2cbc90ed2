package org.opcat.followup.web.recommendations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opcat.followup.web.forms.FieldProblems;
import org.opcat.followup.web.language.ReadableDates;
import org.opcat.followup.web.relay.ApiRefusal;
import org.opcat.followup.web.relay.QueryApi;
import org.opcat.followup.web.signin.SignedInUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything the recommendation page shows: its current state, its timeline, and for those who
 * record, the forms its stage allows. Shared by the page itself and by a refused form, which shows
 * the page again with what was typed and the API's objections.
 */
@Component
class RecommendationPage {

    /** The enumerations the forms choose from, by name, for the template (which may not reach static fields). */
    static final Map<String, List<String>> VOCABULARY = Map.of("CHANNELS", Vocabulary.CHANNELS, "POSITIONS", Vocabulary.POSITIONS,
            "STATUSES", Vocabulary.STATUSES, "WITHDRAWAL_REASONS", Vocabulary.WITHDRAWAL_REASONS);

    private final QueryApi query;
    private final Registers registers;
    private final ReadableDates dates;

    RecommendationPage(QueryApi query, Registers registers, ReadableDates dates) {
        this.query = query;
        this.registers = registers;
        this.dates = dates;
    }

    /**
     * @param minVersion the version a command just answered: wait until the read model has it
     * @param refusedForm the form to show again open, with {@code typed} and {@code problems}; null for none
     */
    String show(Model model, UUID id, Long minVersion, SignedInUser user, String refusedForm, Map<String, String> typed,
            List<Map<String, String>> typedMeasures, FieldProblems problems) {
        Map<String, Object> recommendation;
        List<Map<String, Object>> timeline;
        try {
            recommendation = query.object(uri -> uri.path("/api/recommendations/{id}")
                    .queryParamIfPresent("minVersion", Optional.ofNullable(minVersion)).build(id));
            timeline = timeline(id, minVersion);
        } catch (ApiRefusal refusal) {
            if (refusal.readModelBehind()) {
                // The write is stored; the read side is slow. Say so rather than show stale data as current.
                model.addAttribute("behind", true);
                recommendation = query.object(uri -> uri.path("/api/recommendations/{id}").build(id));
                timeline = timeline(id, null);
            } else {
                throw refusal;
            }
        }
        Registers.Snapshot known = registers.now();
        model.addAttribute("rec", recommendation);
        model.addAttribute("timeline", timeline);
        model.addAttribute("authorityNames", known.authorityNames());
        model.addAttribute("placeNames", known.placeNames());
        model.addAttribute("pagePath", "/recommendations/" + id);
        model.addAttribute("vocabulary", VOCABULARY);
        if (user.records()) {
            boolean open = Boolean.TRUE.equals(recommendation.get("open"));
            List<String> offered = RecordingForms.offered(open);
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            Map<String, FieldProblems> problemsByForm = new LinkedHashMap<>();
            for (String kind : offered) {
                values.put(kind, kind.equals(refusedForm) ? typed : RecordingForms.blank(kind, dates.today()));
                problemsByForm.put(kind, kind.equals(refusedForm) ? problems : FieldProblems.NONE);
            }
            List<Map<String, String>> measures = "action-plans".equals(refusedForm) && !typedMeasures.isEmpty()
                    ? typedMeasures : List.of(Map.of());
            model.addAttribute("forms", offered);
            model.addAttribute("values", values);
            model.addAttribute("problems", problemsByForm);
            model.addAttribute("measures", measures);
            model.addAttribute("openForm", refusedForm);
            model.addAttribute("addressees", ((List<?>) recommendation.get("addresseeAuthorityIds")).stream()
                    .map(a -> new Registers.Option(a.toString(), known.authorityNames().getOrDefault(a.toString(), a.toString())))
                    .toList());
            model.addAttribute("placeOptions", known.placeOptions());
        }
        return "recommendation";
    }

    private List<Map<String, Object>> timeline(UUID id, Long minVersion) {
        return query.list(uri -> uri.path("/api/recommendations/{id}/history")
                .queryParamIfPresent("minVersion", Optional.ofNullable(minVersion)).build(id));
    }
}
