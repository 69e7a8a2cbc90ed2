package org.opcat.followup.events;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The event contract is read by every module and stored for ever: no Spring, and of Axon only
 * annotations ({@code @Revision}), except the one serializer configuration, which uses Axon's
 * serialization package and nothing else of it.
 */
class ModuleLinesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.opcat.followup.events");

    private static final DescribedPredicate<JavaClass> ANNOTATIONS =
            DescribedPredicate.describe("annotations", JavaClass::isAnnotation);

    @Test
    void noSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(CLASSES);
    }

    @Test
    void ofAxonOnlyAnnotations() {
        noClasses().that().doNotHaveFullyQualifiedName(EventSerialization.class.getName())
                .should().dependOnClassesThat(resideInAPackage("org.axonframework..").and(DescribedPredicate.not(ANNOTATIONS)))
                .check(CLASSES);
        noClasses().should().dependOnClassesThat(resideInAPackage("org.axonframework..")
                        .and(DescribedPredicate.not(resideInAPackage("org.axonframework.serialization.."))))
                .check(CLASSES);
    }
}
