package org.opcat.followup.query.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The lines query-service keeps (its README says why): it uses no other service's classes, its
 * features use each other only where listed, and its SQL writes only the schema it owns.
 */
class ModuleLinesTest {

    private static final String BASE = "org.opcat.followup.query";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    /**
     * What every feature may use: the HTTP plumbing, the event processing, read-your-writes and the
     * status fold, and the application's root package.
     */
    private static final List<String> SHARED = List.of("http", "processing", "freshness", "status");
    /**
     * A feature's classes are its internals; the uses of one feature by another, each for a reason:
     * the export lists what the list's filter selects; a document's words are kept as the list's search
     * reads them.
     */
    private static final Map<String, List<String>> FEATURES = Map.of(
            "dashboard", List.of(),
            "dialogue", List.of(),
            "export", List.of("recommendations"),
            "history", List.of(),
            "documents", List.of("recommendations"),
            "logging", List.of(),
            "recommendations", List.of(),
            "registers", List.of(),
            "replay", List.of(),
            "report", List.of());

    @Test
    void usesNoOtherServicesClasses() {
        noClasses().that().resideInAPackage(BASE + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.opcat.followup.command..", "org.opcat.followup.web..", "org.opcat.followup.localrun..")
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
                            .or(resideInAnyPackage(BASE)))
                    .check(CLASSES);
        });
    }

    /** Schema query is written by this service only; its tables are on the connection's search path. */
    @Test
    void writesOnlyItsOwnSchema() {
        classes().that().resideInAPackage(BASE + "..").should(SqlWrites.writeOnly(Set.of("query"), "query"))
                .check(CLASSES);
        assertThat(SqlWrites.tables(CLASSES.get("org.opcat.followup.query.history.HistoryProjector")))
                .as("the rule reads the writes it checks").contains("recommendation_history");
    }
}
