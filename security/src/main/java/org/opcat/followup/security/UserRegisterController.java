package org.opcat.followup.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.api.ProblemMessages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The user register, for ADMIN (rights granted by the service that imports this), plus
 * {@code PUT /api/users/me/password} for every signed-in user of the register.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("/api/users")
public class UserRegisterController {

    record NewUser(@NotBlank @Pattern(regexp = "^[\\p{L}\\p{N}._@-]{2,100}$") String username,
            @NotBlank @Size(max = 200) String password, @NotEmpty Set<@NotNull Role> roles) {
    }

    record Roles(@NotEmpty Set<@NotNull Role> roles) {
    }

    record NewPassword(@NotBlank @Size(max = 200) String password) {
    }

    record OwnPassword(@NotBlank @Size(max = 200) String currentPassword, @NotBlank @Size(max = 200) String newPassword) {
    }

    record Enabled(@NotNull Boolean enabled) {
    }

    private final UserAccounts accounts;

    public UserRegisterController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "List the users",
            description = "ADMIN. Every user of the register with roles, and whether enabled or locked.")
    @GetMapping
    List<UserAccount> all() {
        return accounts.all();
    }

    /** Who am I: the signed-in user's name and roles (a client checks a password with it once, at sign-in). */
    record Me(String username, Set<Role> roles) {
    }

    @Operation(summary = "The signed-in user",
            description = "Every signed-in user. Name and roles; a client checks a password with it once, at "
            + "sign-in.")
    @GetMapping("/me")
    Me me() {
        return new Me(CurrentUser.name(), CurrentUser.roles());
    }

    @Operation(summary = "One user",
            description = "ADMIN. One user of the register.")
    @GetMapping("/{username}")
    UserAccount one(@PathVariable String username) {
        return accounts.find(username).orElseThrow(() -> unknown(username));
    }

    @Operation(summary = "Create a user",
            description = "ADMIN. A new user with a password (12 to 72 bytes) and roles; 409 if the name is taken.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserAccount create(@Valid @RequestBody NewUser user) {
        requireAcceptable(user.username(), user.password());
        if (!accounts.create(user.username(), user.password(), EnumSet.copyOf(user.roles()), CurrentUser.name())) {
            throw refused(HttpStatus.CONFLICT, ProblemCode.USER_EXISTS, "username", user.username());
        }
        return one(user.username());
    }

    @Operation(summary = "Change a user's roles",
            description = "ADMIN. Replaces the user's roles; they apply to the user's next request, relayed tokens "
            + "included.")
    @PutMapping("/{username}/roles")
    UserAccount changeRoles(@PathVariable String username, @Valid @RequestBody Roles roles) {
        if (!accounts.changeRoles(username, EnumSet.copyOf(roles.roles()), CurrentUser.name())) {
            throw unknown(username);
        }
        return one(username);
    }

    @Operation(summary = "Enable or disable a user",
            description = "ADMIN. A disabled user is refused at once, mid-session too; an administrator cannot "
            + "disable themself.")
    @PutMapping("/{username}/enabled")
    UserAccount enable(@PathVariable String username, @Valid @RequestBody Enabled enabled) {
        if (username.equals(CurrentUser.name()) && !enabled.enabled()) {
            throw refused(HttpStatus.CONFLICT, ProblemCode.CANNOT_DISABLE_SELF);
        }
        if (!accounts.enable(username, enabled.enabled(), CurrentUser.name())) {
            throw unknown(username);
        }
        return one(username);
    }

    @Operation(summary = "Set a user's password",
            description = "ADMIN. Sets a new password (12 to 72 bytes).")
    @PutMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@PathVariable String username, @Valid @RequestBody NewPassword password) {
        requireAcceptable(username, password.password());
        if (!accounts.changePassword(username, password.password(), CurrentUser.name())) {
            throw unknown(username);
        }
    }

    @Operation(summary = "Change one's own password",
            description = "Every signed-in user of the register. Needs the current password; the new one has 12 to "
            + "72 bytes.")
    @PutMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeOwnPassword(@Valid @RequestBody OwnPassword password) {
        String me = CurrentUser.name();
        if (!accounts.hasPassword(me, password.currentPassword())) {
            throw refused(HttpStatus.CONFLICT, ProblemCode.WRONG_CURRENT_PASSWORD);
        }
        requireAcceptable(me, password.newPassword());
        accounts.changePassword(me, password.newPassword(), me);
    }

    private static void requireAcceptable(String username, String password) {
        if (!Passwords.acceptable(username, password)) {
            throw refused(HttpStatus.BAD_REQUEST, ProblemCode.WEAK_PASSWORD);
        }
    }

    private static ResponseStatusException unknown(String username) {
        return refused(HttpStatus.NOT_FOUND, ProblemCode.UNKNOWN_USER, "username", username);
    }

    /** Worded in the request's language, with its code and arguments beside (docs/problems.md). */
    private static ResponseStatusException refused(HttpStatus status, ProblemCode code, Object... args) {
        Map<String, Object> named = ProblemMessages.args(args);
        ResponseStatusException refused = new ResponseStatusException(status,
                ProblemMessages.message(code, named, LocaleContextHolder.getLocale()));
        refused.getBody().setProperty("code", code.code());
        refused.getBody().setProperty("args", named);
        return refused;
    }
}
