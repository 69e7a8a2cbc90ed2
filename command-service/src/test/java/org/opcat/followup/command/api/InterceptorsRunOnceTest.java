package org.opcat.followup.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.mockito.Mockito;
import org.opcat.followup.command.Registers;
import org.opcat.followup.command.authority.AuthorityCommands.RegisterAuthority;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.security.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Every command-side interceptor runs once per command, whoever registers it (the service itself
 * or Axon's auto-configuration, which registers every interceptor bean it finds).
 */
@CommandServiceTest
class InterceptorsRunOnceTest {

    @Autowired
    CommandGateway commands;

    /** The aggregate-type guard asks the registers once for the type of a record it does not hold. */
    @MockitoSpyBean
    Registers registers;

    @Test
    void the_audit_stamp_and_the_aggregate_type_guard_run_once_per_command() {
        UUID id = UUID.randomUUID();
        clearInvocations(registers);
        try (MockedStatic<CurrentUser> user = mockStatic(CurrentUser.class, Mockito.CALLS_REAL_METHODS)) {
            user.when(CurrentUser::name).thenReturn("admin");

            UUID registered = commands.sendAndWait(new RegisterAuthority(id, "司法部 " + id, AuthorityKind.MINISTRY, null));

            assertThat(registered).isEqualTo(id);
            user.verify(CurrentUser::name, times(1));
        }
        verify(registers, times(1)).typeOf(id);
    }
}
