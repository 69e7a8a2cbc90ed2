package org.opcat.followup.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.authority.AuthorityRegistered;
import org.opcat.followup.events.place.PlaceOfDetentionRegistered;
import org.opcat.followup.events.place.PlaceType;
import org.opcat.followup.events.recommendation.*;

class EventSerializationTest {

    static final String CHINESE = "应立即停止对被拘留者使用戒具，并确保其获得适当的医疗服务。";
    static final String ARABIC = "ينبغي ضمان حصول جميع المحتجزين على الرعاية الصحية دون تأخير.";
    static final String EMOJI = "Follow-up 👩‍⚖️🔒 \"quoted\", commas; 'apostrophes' <b>&amp;</b>";

    static final UUID REC = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    static final UUID AUTH = UUID.randomUUID();
    static final UUID PLACE = UUID.randomUUID();
    static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    static Stream<Object> everyEvent() {
        return Stream.of(
                new RecommendationIssued(REC, "2025/V-017/R-03", CHINESE, ARABIC + " " + EMOJI, "zh", DAY,
                        new Source(SourceKind.VISIT_REPORT, "查访报告 2025/V-017"), PLACE, List.of(AUTH, UUID.randomUUID()),
                        List.of("health-care", "use-of-force"), Scope.PLACE_SPECIFIC, Priority.URGENT,
                        List.of("Nelson Mandela Rules, rule 24", "《曼德拉规则》第24条"), DAY.plusDays(60), true),
                new RecommendationIssued(REC, "SYS-1", "t", "x", "ar", DAY, new Source(SourceKind.OTHER, null),
                        null, List.of(AUTH), List.of(), Scope.SYSTEMIC, Priority.NORMAL, List.of(), null, false),
                new AuthorityResponseRecorded(REC, UUID.randomUUID(), AUTH, DAY.plusDays(3), Channel.WRITTEN,
                        Position.PARTIALLY_ACCEPTED, ARABIC, "函 2025-112"),
                new ActionPlanFiled(REC, UUID.randomUUID(), AUTH, DAY.plusDays(9), List.of(
                        new Measure("为所有监区配备医务人员", "监狱管理局卫生处", DAY.plusDays(120)),
                        new Measure(EMOJI, ARABIC, DAY.plusDays(200)))),
                new FollowUpVisitRecorded(REC, UUID.randomUUID(), DAY.plusDays(30), PLACE, CHINESE,
                        ImplementationStatus.IN_PROGRESS),
                new ImplementationAssessed(REC, UUID.randomUUID(), DAY.plusDays(40), ImplementationStatus.PARTIALLY_IMPLEMENTED,
                        "民间社会组织报告", null),
                new RecommendationImplemented(REC, DAY.plusDays(50), EMOJI),
                new RecommendationReiterated(REC, DAY.plusDays(51), "年度报告 2025"),
                new RecommendationWithdrawn(REC, DAY.plusDays(52), WithdrawalReason.SUPERSEDED, UUID.randomUUID()),
                new RecommendationReopened(REC, DAY.plusDays(53), ARABIC),
                new DocumentAttached(REC, UUID.randomUUID(), null, "监狱管理局复函 " + EMOJI, "复函 2025-112.pdf",
                        "application/pdf", 25_000_000L, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", true),
                new DocumentAttached(REC, UUID.randomUUID(), UUID.randomUUID(), ARABIC, "plan.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 1L,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", false),
                new DocumentPurged(REC, UUID.randomUUID(), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "法院命令 " + ARABIC),
                new AuthorityRegistered(AUTH, "司法部监狱管理局", AuthorityKind.DETENTION_ADMINISTRATION, UUID.randomUUID()),
                new PlaceOfDetentionRegistered(PLACE, "第一看守所 — مركز الاحتجاز 🏢", PlaceType.PRE_TRIAL_DETENTION, "华北", AUTH));
    }

    private final Serializer serializer = EventSerialization.serializer();

    @ParameterizedTest
    @MethodSource("everyEvent")
    void roundTripsThroughTheStoreFormatUnchanged(Object event) {
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        Object read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(event);
        // Text is stored as UTF-8, never \\u-escaped: a DBA reading the table sees the words.
        String json = new String(stored.getData(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("\\u");
    }

    @Test
    void storedJsonUsesIsoDatesAndFieldNames() {
        var event = new RecommendationImplemented(REC, DAY, "evidence");
        String json = new String(serializer.serialize(event, byte[].class).getData(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"recommendationId\":\"" + REC + "\",\"implementedOn\":\"2025-03-14\",\"evidence\":\"evidence\"}");
    }

    @Test
    void aFieldAddedByANewerWriterIsIgnoredByAnOlderReader() {
        var type = new org.axonframework.serialization.SimpleSerializedType(RecommendationReiterated.class.getName(), null);
        byte[] newer = ("{\"recommendationId\":\"" + REC + "\",\"reiteratedOn\":\"2025-03-14\",\"documentReference\":\"AR-2025\",\"pageNumber\":12}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Object read = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(newer, byte[].class, type));
        assertThat(read).isEqualTo(new RecommendationReiterated(REC, DAY, "AR-2025"));
    }

    @Test
    void everyEventTypeOfTheContractHasASampleAbove() throws IOException, URISyntaxException {
        Path root = Paths.get(EventSerialization.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> valueTypes = Set.of(Source.class, Measure.class);
        Set<String> eventTypes;
        try (Stream<Path> files = Files.walk(root)) {
            eventTypes = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(EventSerializationTest::load)
                    .filter(Class::isRecord)
                    .filter(c -> !valueTypes.contains(c))
                    .map(Class::getName)
                    .collect(Collectors.toSet());
        }
        Set<String> sampled = everyEvent().map(e -> e.getClass().getName()).collect(Collectors.toSet());
        assertThat(eventTypes).hasSize(13).isEqualTo(sampled);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
