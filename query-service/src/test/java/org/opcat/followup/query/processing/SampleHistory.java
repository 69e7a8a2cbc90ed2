package org.opcat.followup.query.processing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.authority.AuthorityRegistered;
import org.opcat.followup.events.place.PlaceOfDetentionRegistered;
import org.opcat.followup.events.place.PlaceType;
import org.opcat.followup.events.recommendation.ActionPlanFiled;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.FollowUpVisitRecorded;
import org.opcat.followup.events.recommendation.ImplementationAssessed;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Measure;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.RecommendationImplemented;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.RecommendationReiterated;
import org.opcat.followup.events.recommendation.RecommendationReopened;
import org.opcat.followup.events.recommendation.RecommendationWithdrawn;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.opcat.followup.events.recommendation.WithdrawalReason;

/**
 * A deterministic, varied event history: two authorities (one supervising the other), a place, and
 * recommendations in Chinese and English that go through every kind of event, interleaved as they
 * would be in a real store. Every call with the same arguments gives the same ids and payloads.
 */
public final class SampleHistory {

    public static final UUID MINISTRY = id("authority-ministry");
    public static final UUID PRISON_ADMINISTRATION = id("authority-prison-administration");
    public static final UUID PRISON = id("place-prison");

    private SampleHistory() {
    }

    public static UUID recommendation(String batch, int i) {
        return id("recommendation-" + batch + "-" + i);
    }

    /** The authorities and the place every recommendation refers to. */
    public static List<DomainEventMessage<?>> registers() {
        return List.of(
                event("Authority", MINISTRY, 0, new AuthorityRegistered(MINISTRY, "Ministry of Justice 司法部",
                        AuthorityKind.MINISTRY, null)),
                event("Authority", PRISON_ADMINISTRATION, 0, new AuthorityRegistered(PRISON_ADMINISTRATION,
                        "Prison Administration", AuthorityKind.DETENTION_ADMINISTRATION, MINISTRY)),
                event("PlaceOfDetention", PRISON, 0, new PlaceOfDetentionRegistered(PRISON, "Central Prison 中央监狱",
                        PlaceType.PRISON, "North", PRISON_ADMINISTRATION)));
    }

    /** {@code count} recommendations of batch {@code batch}, their events interleaved round-robin. */
    public static List<DomainEventMessage<?>> recommendations(String batch, int count) {
        List<List<DomainEventMessage<?>>> lives = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lives.add(life(batch, i));
        }
        List<DomainEventMessage<?>> interleaved = new ArrayList<>();
        for (int step = 0; ; step++) {
            boolean any = false;
            for (List<DomainEventMessage<?>> life : lives) {
                if (step < life.size()) {
                    interleaved.add(life.get(step));
                    any = true;
                }
            }
            if (!any) {
                return interleaved;
            }
        }
    }

    /** One recommendation's events, sequence numbers from 0. */
    public static List<DomainEventMessage<?>> life(String batch, int i) {
        UUID r = recommendation(batch, i);
        LocalDate issued = LocalDate.of(2024, 1, 1).plusDays(i % 500);
        boolean chinese = i % 2 == 0;
        UUID addressee = i % 3 == 0 ? MINISTRY : PRISON_ADMINISTRATION;
        List<Object> payloads = new ArrayList<>();
        payloads.add(new RecommendationIssued(r, batch + "/V-" + i + "/R-01",
                chinese ? "改善医疗服务 " + i : "Improve health care " + i,
                chinese ? "监狱应当确保被拘留者及时获得医疗服务。" : "Detainees must see a doctor within 24 hours.",
                chinese ? "zh" : "en", issued, new Source(SourceKind.VISIT_REPORT, "VR-" + batch + "-" + i),
                i % 4 == 0 ? null : PRISON, List.of(addressee), List.of("health-care", i % 2 == 0 ? "juveniles" : "staff"),
                i % 4 == 0 ? Scope.SYSTEMIC : Scope.PLACE_SPECIFIC, Priority.values()[i % Priority.values().length],
                List.of("Nelson Mandela Rules, rule 24"), i % 5 == 1 ? null : issued.plusDays(60), i % 9 == 0));
        if (i % 5 != 0) {
            payloads.add(new AuthorityResponseRecorded(r, id("response-" + batch + "-" + i), addressee,
                    issued.plusDays(10), Channel.WRITTEN, Position.values()[i % Position.values().length],
                    chinese ? "我们接受这项建议。" : "We accept.", "L-" + i));
        }
        if (i % 3 == 0) {
            payloads.add(new ActionPlanFiled(r, id("plan-" + batch + "-" + i), addressee, issued.plusDays(20),
                    List.of(new Measure("Hire two doctors", "Health unit", issued.plusDays(200)))));
        }
        if (i % 4 == 0) {
            payloads.add(new FollowUpVisitRecorded(r, id("visit-" + batch + "-" + i), issued.plusDays(30), PRISON,
                    "Doctor present twice a week", ImplementationStatus.IN_PROGRESS));
        }
        if (i % 2 == 0) {
            payloads.add(new ImplementationAssessed(r, id("assessment-" + batch + "-" + i), issued.plusDays(40),
                    ImplementationStatus.PARTIALLY_IMPLEMENTED, "annual statistics", null));
        }
        if (i % 6 == 0) {
            payloads.add(new RecommendationReiterated(r, issued.plusDays(45), "AR-" + batch));
        }
        if (i % 7 == 0) {
            payloads.add(new RecommendationImplemented(r, issued.plusDays(50), "Visit confirmed"));
            if (i % 14 == 0) {
                payloads.add(new RecommendationReopened(r, issued.plusDays(55), "Doctor left"));
            }
        } else if (i % 11 == 0) {
            payloads.add(new RecommendationWithdrawn(r, issued.plusDays(50), WithdrawalReason.NO_LONGER_APPLICABLE,
                    null));
        }
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < payloads.size(); seq++) {
            events.add(event("Recommendation", r, seq, payloads.get(seq)));
        }
        return events;
    }

    public static DomainEventMessage<?> event(String type, UUID aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregate.toString(), sequence, payload,
                MetaData.with("recordedBy", "t"));
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
