package org.opcat.followup.query.report;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * SPEC §5: a REPORTER gets public reports only. Checked before anything is read, so the controller
 * needs no collaborators here.
 */
class ReportAudienceRightsTest {

    private final AnnualReportController controller = new AnnualReportController(null, null, null, null, null,
            Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC), null, AnnualReportController.PDF_MAX_ROWS, null);

    @Test
    void a_reporter_may_not_ask_for_the_internal_report() {
        MockHttpServletRequest reporter = new MockHttpServletRequest();
        reporter.setUserPrincipal(() -> "reporter");
        reporter.addUserRole("REPORTER");
        assertThatThrownBy(() -> controller.annual(2025, null, null, "json", "en", "internal", reporter, new MockHttpServletResponse()))
                .isInstanceOf(AnnualReportController.InternalReportRefused.class);
    }

    @Test
    void a_manager_may() {
        MockHttpServletRequest manager = new MockHttpServletRequest();
        manager.setUserPrincipal(() -> "manager");
        manager.addUserRole("MANAGER");
        // Past the rights check the controller reaches its (here absent) collaborators.
        assertThatThrownBy(() -> controller.annual(2025, null, null, "json", "en", "internal", manager, new MockHttpServletResponse()))
                .isNotInstanceOf(AnnualReportController.InternalReportRefused.class);
    }
}
