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
     * the import sends the commands of the registers and of recommendations; the upload of a document
     * sends the recommendation's command that attaches it.
     */
    private static final Map<String, List<String>> FEATURES = Map.of(
            "admin", List.of(),
            "audit", List.of(),
            "authority", List.of(),
            "place", List.of(),
            "recommendation", List.of(),
            "importing", List.of("authority", "place", "recommendation"),
            "document", List.of("recommendation"));

    @Test
    void usesNoOtherServicesClasses() {
        noClasses().that().resideInAPackage(BASE + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.opcat.followup.query..", "org.opcat.followup.web..", "org.opcat.followup.localrun..")
                .check(CLASSES);
    }

    /** A new package is either a feature or shared, so that no package escapes the rule above. */
    @Test
    void everyPackageIsAFeatureOrShared() {
        Set<String> packages = new java.util.TreeSet<>();
        CLASSES.stream().map(c -> c.getPackageName()).filter(p -> p.startsWith(BASE + "."))
                .forEach(p -> packages.add(p.substring(BASE.length() + 1).split("\\.")[0]));
        org.assertj.core.api.Assertions.assertThat(packages)
                .allMatch(p -> FEATURES.containsKey(p) || SHARED.contains(p), "listed in FEATURES or SHARED");
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

    /**
     * Schema events is written by this service only (its own tables and, through Axon, the events);
     * schema documents (the contents and which recommendation each document id belongs to) by the
     * event-store module's classes, which this service runs.
     */
    @Test
    void writesOnlyItsOwnSchema() {
        classes().that().resideInAPackage(BASE + "..").should(SqlWrites.writeOnly(Set.of("events"), null))
                .allowEmptyShould(true).check(CLASSES);
        // The register of users is written by the security module's classes, in both services.
        classes().that().resideInAPackage("org.opcat.followup.security..")
                .should(SqlWrites.writeOnly(Set.of("security"), null)).allowEmptyShould(true).check(CLASSES);
        classes().that().resideInAPackage("org.opcat.followup.eventstore..")
                .should(SqlWrites.writeOnly(Set.of("documents"), null)).allowEmptyShould(true).check(CLASSES);
    }

    /** So that the rule above cannot pass by reading nothing. */
    @Test
    void findsTheWritesItChecks() {
        org.assertj.core.api.Assertions.assertThat(SqlWrites.tables(CLASSES.get(
                "org.opcat.followup.command.recommendation.JdbcReferenceRegistry")))
                .contains("events.recommendation_reference");
    }
}
