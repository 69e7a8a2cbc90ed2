package org.opcat.followup.web.signin;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    @GetMapping("/signin")
    String signIn() {
        return "signin";
    }

    /** Each role starts where its work is: a reporter can only get reports. */
    @GetMapping("/")
    String start() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof SignedInUser user && user.reads()) {
            return "redirect:/recommendations";
        }
        return "redirect:/report";
    }
}
