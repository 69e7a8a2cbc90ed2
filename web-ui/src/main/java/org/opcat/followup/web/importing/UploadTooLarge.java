package org.opcat.followup.web.importing;

import jakarta.servlet.http.HttpServletResponse;
import org.opcat.followup.web.signin.SignedInUser;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over the upload limit (spring.servlet.multipart, 10 MB as command-service's): the import
 * page again, saying so beside the file field. A controller's own handler would not see it: the
 * multipart body is read before any controller is chosen.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        // Exception handlers get no @ModelAttribute values: the page's header needs the user.
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("me", signedIn != null && signedIn.getPrincipal() instanceof SignedInUser user ? user : null);
        model.addAttribute("fileProblem", "import.tooLarge");
        return SpreadsheetImport.page(model, new SpreadsheetImport.Choices(false, "recommendations"));
    }
}
