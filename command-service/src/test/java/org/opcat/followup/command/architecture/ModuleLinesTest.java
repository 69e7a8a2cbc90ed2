package org.opcat.followup.command.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opcat.followup.testsupport.SqlWrites;

/**
 * The lines command-service keeps (its README says why): it uses no other service's classes, its
 * features use each other only where listed, and its SQL writes only the schema it owns.
 */
class ModuleLinesTest {

    private static final String BASE = "org.opcat.followup.command";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE, "org.opcat.followup.security", "org.opcat.followup.eventstore");

    /** What every feature may use: the refusals and the HTTP plumbing, and the application's root package. */
    private static final List<String> SHARED = List.of("refusal", "http");
    /**
     * A feature's classes are its internals; the uses of one feature by another, each for a reason:
     * the import sends the commands of the registers and of recommendations.
     */
    private static final Map<String, List<String>> FEATURES = Map.of(
            "admin", List.of(),
            "audit", List.of(),
            "authority", List.of(),
            "place", List.of(),
            "recommendation", List.of(),
            "importing", List.of("authority", "place", "recommendation"));

    @Test
    void usesNoOtherServicesClasses() {
        noClasses().that().resideInAPackage(BASE + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.opcat.followup.query..", "org.opcat.followup.web..", "org.opcat.followup.localrun..")
                .check(CLASSES);
    }

    @Test
    void featuresUseEachOtherOnlyWhereListed() {
        FEATURES.forEach((feature, uses) -> {
            String[] allowed = Stream.concat(Stream.of(feature), Stream.concat(SHARED.stream(), uses.stream()))
                    .map(p -> BASE + "." + p + "..").toArray(String[]::new);
            classes().that().resideInAPackage(BASE + "." + feature + "..")
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage(BASE + "..")
                            .or(resideInAnyPackage(allowed))
                            // the root package: the application and what all aggregates share
                            .or(resideInAnyPackage(BASE)))
                    .check(CLASSES);
        });
    }

    /** Schema events is written by this service only (its own tables and, through Axon, the events). */
    @Test
    void writesOnlyItsOwnSchema() {
        classes().that().resideInAPackage(BASE + "..").should(SqlWrites.writeOnly(Set.of("events"), null))
                .allowEmptyShould(true).check(CLASSES);
        // The register of users is written by the security module's classes, in both services.
        classes().that().resideInAPackage("org.opcat.followup.security..")
                .should(SqlWrites.writeOnly(Set.of("security"), null)).allowEmptyShould(true).check(CLASSES);
        classes().that().resideInAPackage("org.opcat.followup.eventstore..")
                .should(SqlWrites.writeOnly(Set.of(), null)).allowEmptyShould(true).check(CLASSES);
    }

    /** So that the rule above cannot pass by reading nothing. */
    @Test
    void findsTheWritesItChecks() {
        org.assertj.core.api.Assertions.assertThat(SqlWrites.tables(CLASSES.get(
                "org.opcat.followup.command.recommendation.JdbcReferenceRegistry")))
                .contains("events.recommendation_reference");
    }
}
