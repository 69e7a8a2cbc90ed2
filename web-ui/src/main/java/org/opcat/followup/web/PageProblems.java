package org.opcat.followup.web;

import org.opcat.followup.web.relay.ApiRefusal;
import org.opcat.followup.web.signin.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.ResourceAccessException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What every page knows (the signed-in user), and what a user sees when a service refuses or is
 * away: a page that says so in their language, never a stack trace.
 */
@ControllerAdvice
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    @ModelAttribute("me")
    SignedInUser me() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null && signedIn.getPrincipal() instanceof SignedInUser user ? user : null;
    }

    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal refusal, Model model, HttpServletResponse response) {
        if (refusal.status() == 401) {
            // The services refuse the signed-in user: an administrator disabled or locked the account
            // since sign-in (the usual case, and the user's to act on: sign out), or, if every user
            // is refused, the key pair or the clocks are misconfigured. The services answer both alike.
            log.warn("a service refused the relayed identity of {} (401): account disabled or locked since sign-in,"
                    + " or, if every user is refused, check the key pair and the clocks",
                    me() == null ? "an unknown user" : me().username());
            response.setStatus(401);
            return "account-refused";
        }
        int status = refusal.status();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", refusal.detail());
        return "problem";
    }

    @ExceptionHandler(ResourceAccessException.class)
    String away(ResourceAccessException away, Model model, HttpServletResponse response) {
        log.warn("a service is unreachable: {}", away.getMessage());
        response.setStatus(503);
        model.addAttribute("status", 503);
        model.addAttribute("detail", null);
        return "problem";
    }
}
