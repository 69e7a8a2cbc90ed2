package org.opcat.followup.command.recommendation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.opcat.followup.command.BusinessCalendar;
import org.opcat.followup.command.Registers;
import org.opcat.followup.command.recommendation.DocumentCommands.AttachDocument;
import org.opcat.followup.command.recommendation.DocumentCommands.PurgeDocument;
import org.opcat.followup.eventstore.documents.DocumentRegistry;
import org.opcat.followup.command.recommendation.RecommendationCommands.*;
import org.opcat.followup.command.refusal.InvalidInput;
import org.opcat.followup.command.refusal.Problem;
import org.opcat.followup.command.refusal.Repeats;
import org.opcat.followup.command.refusal.RuleViolated;
import org.opcat.followup.command.refusal.UnknownId;
import org.opcat.followup.command.refusal.VersionAhead;
import org.opcat.followup.events.recommendation.*;
import org.opcat.followup.eventstore.documents.DocumentContents;
import org.opcat.followup.api.ProblemCode;

/**
 * A recommendation and the rules of its follow-up (SPEC §3). It keeps only what those rules need:
 * the issued facts (dates, addressees), whether it is closed, and the entries recorded under
 * client-chosen ids so that a repeated request can be recognised.
 */
@Aggregate(cache = "aggregateCache")
public class Recommendation {

    private enum Closure { OPEN, IMPLEMENTED, WITHDRAWN }

    /** An entry recorded under a client id, and the version it produced: the answer to a repeat. */
    private record Entry(Object event, long version) {
    }

    @AggregateIdentifier
    private UUID recommendationId;
    private RecommendationIssued issued;
    private Closure closure;
    private LocalDate closedOn;
    private final Map<UUID, Entry> entries = new HashMap<>();
    /** Documents by id (SPEC §7.1), and those whose bytes were purged. */
    private final Map<UUID, Entry> documents = new HashMap<>();
    private final Map<UUID, Entry> purges = new HashMap<>();

    protected Recommendation() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(IssueRecommendation command, BusinessCalendar calendar, Registers registers,
            ReferenceRegistry references) {
        RecommendationIssued event = new RecommendationIssued(command.recommendationId(),
                command.reference().strip(), command.title(),
                command.text(), command.language(), command.issuedOn(), command.source(), command.placeId(),
                command.addresseeAuthorityIds(), command.themes(), command.scope(), command.priority(),
                command.standards(), command.responseDueOn(), command.confidential());
        if (Repeats.isRepeat(issued, event, "recommendationId", recommendationId)) {
            return new Recorded(recommendationId, null, 0);
        }
        calendar.requirePlausible("issuedOn", event.issuedOn());
        refuseAny(RecommendationRules.issue(event.issuedOn(), event.responseDueOn(), event.addresseeAuthorityIds(),
                event.scope(), event.placeId()));
        if (event.addresseeAuthorityIds().isEmpty()) {
            throw new InvalidInput("addresseeAuthorityIds", ProblemCode.NO_ADDRESSEE);
        }
        for (UUID authorityId : event.addresseeAuthorityIds()) {
            if (!registers.hasAuthority(authorityId)) {
                throw new UnknownId("addresseeAuthorityIds", ProblemCode.UNKNOWN_AUTHORITY, authorityId);
            }
        }
        if (event.placeId() != null && !registers.hasPlace(event.placeId())) {
            throw new UnknownId("placeId", ProblemCode.UNKNOWN_PLACE, event.placeId());
        }
        if (!references.claim(event.reference(), event.recommendationId())) {
            throw new RuleViolated("reference", ProblemCode.REFERENCE_USED, "reference", event.reference());
        }
        apply(event);
        return new Recorded(recommendationId, null, getVersion());
    }

    @CommandHandler
    public Recorded handle(RecordAuthorityResponse command, BusinessCalendar calendar) {
        var event = new AuthorityResponseRecorded(recommendationId, command.responseId(), command.authorityId(),
                command.receivedOn(), command.channel(), command.position(), command.text(),
                command.documentReference());
        return recordEntry(command, "responseId", command.responseId(), event, () -> {
            requireBusinessDate("receivedOn", command.receivedOn(), calendar);
            requireAddressee(command.authorityId());
        });
    }

    @CommandHandler
    public Recorded handle(FileActionPlan command, BusinessCalendar calendar) {
        var event = new ActionPlanFiled(recommendationId, command.actionPlanId(), command.authorityId(),
                command.filedOn(), command.measures());
        return recordEntry(command, "actionPlanId", command.actionPlanId(), event, () -> {
            requireBusinessDate("filedOn", command.filedOn(), calendar);
            requireAddressee(command.authorityId());
            if (command.measures().isEmpty()) {
                throw new InvalidInput("measures", ProblemCode.NO_MEASURES);
            }
            refuseAny(RecommendationRules.actionPlan(command.filedOn(),
                    command.measures().stream().map(Measure::targetDate).toList()));
        });
    }

    @CommandHandler
    public Recorded handle(RecordFollowUpVisit command, BusinessCalendar calendar, Registers registers) {
        UUID placeId = command.placeId() != null ? command.placeId() : issued.placeId();
        var event = new FollowUpVisitRecorded(recommendationId, command.followUpId(), command.visitedOn(), placeId,
                command.findings(), command.assessedStatus());
        return recordEntry(command, "followUpId", command.followUpId(), event, () -> {
            requireBusinessDate("visitedOn", command.visitedOn(), calendar);
            requireAssessment("assessedStatus", command.assessedStatus());
            if (placeId != null && !registers.hasPlace(placeId)) {
                throw new UnknownId("placeId", ProblemCode.UNKNOWN_PLACE, placeId);
            }
        });
    }

    @CommandHandler
    public Recorded handle(AssessImplementation command, BusinessCalendar calendar) {
        var event = new ImplementationAssessed(recommendationId, command.assessmentId(), command.assessedOn(),
                command.status(), command.basis(), command.note());
        return recordEntry(command, "assessmentId", command.assessmentId(), event, () -> {
            requireBusinessDate("assessedOn", command.assessedOn(), calendar);
            requireAssessment("status", command.status());
        });
    }

    @CommandHandler
    public Recorded handle(RecordImplementation command, BusinessCalendar calendar) {
        requireOpenAndCurrent(command);
        requireBusinessDate("implementedOn", command.implementedOn(), calendar);
        apply(new RecommendationImplemented(recommendationId, command.implementedOn(), command.evidence()));
        return new Recorded(recommendationId, null, getVersion());
    }

    @CommandHandler
    public Recorded handle(ReiterateRecommendation command, BusinessCalendar calendar) {
        requireOpenAndCurrent(command);
        requireBusinessDate("reiteratedOn", command.reiteratedOn(), calendar);
        apply(new RecommendationReiterated(recommendationId, command.reiteratedOn(), command.documentReference()));
        return new Recorded(recommendationId, null, getVersion());
    }

    @CommandHandler
    public Recorded handle(WithdrawRecommendation command, BusinessCalendar calendar, Registers registers) {
        requireOpenAndCurrent(command);
        requireBusinessDate("withdrawnOn", command.withdrawnOn(), calendar);
        refuseAny(RecommendationRules.withdrawal(command.reason(), command.supersededBy()));
        if (command.reason() == WithdrawalReason.SUPERSEDED) {
            if (command.supersededBy().equals(recommendationId)) {
                throw new InvalidInput("supersededBy", ProblemCode.SUPERSEDES_ITSELF);
            }
            if (!registers.hasRecommendation(command.supersededBy())) {
                throw new UnknownId("supersededBy", ProblemCode.UNKNOWN_RECOMMENDATION, command.supersededBy());
            }
        }
        apply(new RecommendationWithdrawn(recommendationId, command.withdrawnOn(), command.reason(), command.supersededBy()));
        return new Recorded(recommendationId, null, getVersion());
    }

    @CommandHandler
    public Recorded handle(ReopenRecommendation command, BusinessCalendar calendar) {
        requireCurrent(command);
        if (closure == Closure.OPEN) {
            throw new RuleViolated(null, ProblemCode.NOT_CLOSED);
        }
        requireBusinessDate("reopenedOn", command.reopenedOn(), calendar);
        if (command.reopenedOn().isBefore(closedOn)) {
            throw new RuleViolated("reopenedOn", ProblemCode.REOPENED_BEFORE_CLOSED, "closedOn", closedOn);
        }
        apply(new RecommendationReopened(recommendationId, command.reopenedOn(), command.reason()));
        return new Recorded(recommendationId, null, getVersion());
    }

    /**
     * A document goes with the recommendation or one of its own entries, open or closed (a letter
     * may come after the closure). Its bytes are stored in this command's transaction, after every
     * rule held and before the event: a refusal, or a failed append, stores nothing.
     */
    @CommandHandler
    public Recorded handle(AttachDocument command, DocumentContents contents, DocumentRegistry registry)
            throws java.io.IOException {
        var event = new DocumentAttached(recommendationId, command.documentId(), command.attachedTo(), command.title(),
                command.fileName(), command.mediaType(), command.size(), command.sha256(), command.confidential());
        Entry earlier = documents.get(command.documentId());
        if (Repeats.isRepeat(earlier == null ? null : earlier.event(), event, "documentId", command.documentId())) {
            return new Recorded(recommendationId, command.documentId(), earlier.version());
        }
        requireCurrent(command);
        if (entries.containsKey(command.documentId())) {
            throw new RuleViolated("documentId", ProblemCode.ID_OF_ANOTHER_KIND, "id", command.documentId());
        }
        if (command.attachedTo() != null && !entries.containsKey(command.attachedTo())) {
            throw new UnknownId("attachedTo", ProblemCode.UNKNOWN_ENTRY, command.attachedTo());
        }
        if (contents.store(command.sha256(), command.size(), command.mediaType(), command.bytes(), command.text())
                == DocumentContents.State.PURGED) {
            throw new RuleViolated("file", ProblemCode.CONTENT_PURGED, "sha256", command.sha256());
        }
        if (!registry.claim(command.documentId(), recommendationId, command.sha256())) {
            throw new RuleViolated("documentId", ProblemCode.ID_REUSED, "field", "documentId", "id", command.documentId());
        }
        apply(event);
        return new Recorded(recommendationId, command.documentId(), getVersion());
    }

    /** Erases a document's bytes for good; the same purge again answers as the first did. */
    @CommandHandler
    public Recorded handle(PurgeDocument command, DocumentContents contents) {
        Entry document = documents.get(command.documentId());
        if (document == null) {
            throw new UnknownId("documentId", ProblemCode.UNKNOWN_DOCUMENT, command.documentId());
        }
        String sha256 = ((DocumentAttached) document.event()).sha256();
        var event = new DocumentPurged(recommendationId, command.documentId(), sha256, command.reason());
        Entry earlier = purges.get(command.documentId());
        if (earlier != null) {
            if (earlier.event().equals(event)) {
                return new Recorded(recommendationId, command.documentId(), earlier.version());
            }
            throw new RuleViolated(null, ProblemCode.DOCUMENT_PURGED, "id", command.documentId());
        }
        requireCurrent(command);
        // False when the same bytes were purged with another document: erased all the same.
        contents.purge(sha256, command.purgedBy(), command.reason());
        apply(event);
        return new Recorded(recommendationId, command.documentId(), getVersion());
    }

    /**
     * Records a response, plan, visit or assessment under its client id: a repeat with the same
     * content answers as the first time did and stores nothing; the same id with other content is refused.
     */
    private Recorded recordEntry(OnExisting command, String idField, UUID entryId, Object event, Runnable rules) {
        Entry earlier = entries.get(entryId);
        if (Repeats.isRepeat(earlier == null ? null : earlier.event(), event, idField, entryId)) {
            return new Recorded(recommendationId, entryId, earlier.version());
        }
        requireOpenAndCurrent(command);
        rules.run();
        apply(event);
        return new Recorded(recommendationId, entryId, getVersion());
    }

    private void requireCurrent(OnExisting command) {
        Long expected = command.expectedVersion();
        if (expected != null && expected > getVersion()) {
            // The client saw a later version than this state: another instance wrote since it was cached.
            throw new VersionAhead("If-Match", expected, getVersion());
        }
        if (expected != null && !expected.equals(getVersion())) {
            throw new RuleViolated("If-Match", ProblemCode.STALE_VERSION, "expected", expected, "version", getVersion());
        }
    }

    private void requireOpenAndCurrent(OnExisting command) {
        requireCurrent(command);
        if (closure != Closure.OPEN) {
            throw new RuleViolated(null, ProblemCode.CLOSED, "closure", closure);
        }
    }

    private void requireBusinessDate(String field, LocalDate date, BusinessCalendar calendar) {
        calendar.requirePlausible(field, date);
        if (date.isBefore(issued.issuedOn())) {
            throw new RuleViolated(field, ProblemCode.DATE_BEFORE_ISSUED, "field", field, "date", date,
                    "issuedOn", issued.issuedOn());
        }
    }

    private void requireAddressee(UUID authorityId) {
        if (!issued.addresseeAuthorityIds().contains(authorityId)) {
            throw new RuleViolated("authorityId", ProblemCode.NOT_ADDRESSEE, "authorityId", authorityId);
        }
    }

    private static void refuseAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private static void requireAssessment(String field, ImplementationStatus status) {
        if (!status.isAssessment()) {
            throw new InvalidInput(field, ProblemCode.NOT_AN_ASSESSMENT);
        }
    }

    @EventSourcingHandler
    void on(RecommendationIssued event) {
        recommendationId = event.recommendationId();
        issued = event;
        closure = Closure.OPEN;
    }

    @EventSourcingHandler
    void on(AuthorityResponseRecorded event, @SequenceNumber long version) {
        entries.put(event.responseId(), new Entry(event, version));
    }

    @EventSourcingHandler
    void on(ActionPlanFiled event, @SequenceNumber long version) {
        entries.put(event.actionPlanId(), new Entry(event, version));
    }

    @EventSourcingHandler
    void on(FollowUpVisitRecorded event, @SequenceNumber long version) {
        entries.put(event.followUpId(), new Entry(event, version));
    }

    @EventSourcingHandler
    void on(ImplementationAssessed event, @SequenceNumber long version) {
        entries.put(event.assessmentId(), new Entry(event, version));
    }

    @EventSourcingHandler
    void on(DocumentAttached event, @SequenceNumber long version) {
        documents.put(event.documentId(), new Entry(event, version));
    }

    @EventSourcingHandler
    void on(DocumentPurged event, @SequenceNumber long version) {
        purges.put(event.documentId(), new Entry(event, version));
    }

    @EventSourcingHandler
    void on(RecommendationImplemented event) {
        closure = Closure.IMPLEMENTED;
        closedOn = event.implementedOn();
    }

    @EventSourcingHandler
    void on(RecommendationWithdrawn event) {
        closure = Closure.WITHDRAWN;
        closedOn = event.withdrawnOn();
    }

    @EventSourcingHandler
    void on(RecommendationReopened event) {
        closure = Closure.OPEN;
        closedOn = null;
    }
}
