package org.opcat.followup.command.importing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.opcat.followup.command.api.CommandServiceTest;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link CommandServiceTest} on a database of the import tests' own: other API tests register the
 * same names again and again (司法部 in every test of CommandApiTest), which would make the
 * names an import matches ambiguous. The property only gives these tests their own context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CommandServiceTest
@TestPropertySource(properties = "followup.test.database=importing")
@interface ImportingTest {
}
