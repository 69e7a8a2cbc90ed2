package org.opcat.followup.web.importing;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opcat.followup.web.recommendations.Vocabulary;
import org.opcat.followup.web.relay.ApiRefusal;
import org.opcat.followup.web.relay.SpreadsheetImports;
import org.opcat.followup.web.signin.SignedInUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An analyst imports a spreadsheet in two steps: the upload is checked by a dry run at
 * command-service and its report shown (what would be stored and registered, or every problem by
 * sheet, row and column); only a confirmation imports it, with the same import id and the very
 * file that was checked, kept here meanwhile ({@link PendingUploads}). Only an administrator may
 * have the import register missing authorities and places; an analyst's check lists them.
 */
@Controller
@RequestMapping("/imports")
class SpreadsheetImport {

    /** The layout's sheets, as command-service names them; a CSV file is one of them. */
    static final List<String> SHEETS = List.of("recommendations", "responses", "action-plans", "follow-up-visits");

    /**
     * The choice columns and the bundle keys of their values, for the page's list of what a cell
     * may hold (the import takes the code or the label in English or Chinese).
     */
    static final List<AllowedColumn> ALLOWED_VALUES = List.of(
            new AllowedColumn("import.column.recommendations.language", prefixed("language.", Vocabulary.LANGUAGES)),
            new AllowedColumn("import.column.recommendations.sourceKind", prefixed("sourceKind.", Vocabulary.SOURCE_KINDS)),
            new AllowedColumn("import.column.recommendations.scope", prefixed("scope.", Vocabulary.SCOPES)),
            new AllowedColumn("import.column.recommendations.priority", prefixed("priority.", Vocabulary.PRIORITIES)),
            new AllowedColumn("import.column.recommendations.confidential", List.of("import.yes", "import.no")),
            new AllowedColumn("import.column.responses.channel", prefixed("channel.", Vocabulary.CHANNELS)),
            new AllowedColumn("import.column.responses.position", prefixed("position.", Vocabulary.POSITIONS)),
            new AllowedColumn("import.column.follow-up-visits.assessedStatus",
                    prefixed("status.", Vocabulary.STATUSES.subList(1, Vocabulary.STATUSES.size()))));

    /** A choice column (its label's key) and its values' labels' keys. */
    record AllowedColumn(String column, List<String> values) {
    }

    private static List<String> prefixed(String prefix, List<String> codes) {
        return codes.stream().map(c -> prefix + c).toList();
    }

    private final SpreadsheetImports imports;
    private final PendingUploads pending;

    SpreadsheetImport(SpreadsheetImports imports, PendingUploads pending) {
        this.imports = imports;
        this.pending = pending;
    }

    @GetMapping
    String form(Model model) {
        Choices choices = (Choices) model.getAttribute("choices");
        return page(model, choices == null ? new Choices(false, "recommendations") : choices);
    }

    @PostMapping
    String check(@RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean createMissing,
            @RequestParam(defaultValue = "recommendations") String sheet,
            @RequestParam(required = false) String importId,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) throws IOException {
        // Registering is an administrator's (command-service refuses it to analysts); the form offers it to them only.
        Choices choices = new Choices(createMissing && user.administers(), SHEETS.contains(sheet) ? sheet : "recommendations");
        // Whatever the check says is shown after a redirect (POST, redirect, GET): the address then
        // holds no CSRF token (the form's action carries one, see import.html), and a reload
        // shows the form instead of sending the file again.
        redirect.addFlashAttribute("choices", choices);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("fileProblem", "import.noFile");
            return "redirect:/imports";
        }
        String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        byte[] content = file.getBytes();
        UUID id = freshId(importId);
        String csvSheet = isCsv(fileName) ? choices.sheet() : null;
        redirect.addFlashAttribute("fileName", fileName);
        try {
            Map<String, Object> report = imports.send(id, wireName(fileName), content, true, choices.createMissing(), csvSheet);
            pending.keep(id, user.username(), fileName, content, choices.createMissing(), csvSheet);
            redirect.addFlashAttribute("importId", id);
            redirect.addFlashAttribute("report", report);
            redirect.addFlashAttribute("rowCount", rowCount(report));
        } catch (ApiRefusal refusal) {
            refusedAfterRedirect(refusal, redirect);
        }
        return "redirect:/imports/checked";
    }

    /** The check's report (or its problems), shown once: a reload shows the empty form. */
    @GetMapping("/checked")
    String checked(Model model) {
        if (!model.containsAttribute("report") && !model.containsAttribute("refusal")) {
            return "redirect:/imports";
        }
        return page(model, (Choices) model.getAttribute("choices"));
    }

    @PostMapping("/{importId}/confirm")
    String confirm(@PathVariable UUID importId, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        Optional<PendingUploads.Taken> taken = pending.take(importId, user.username());
        if (taken.isEmpty()) {
            model.addAttribute("expired", true);
            return page(model, new Choices(false, "recommendations"));
        }
        PendingUploads.Pending kept = taken.get().pending();
        model.addAttribute("fileName", kept.fileName());
        try {
            Map<String, Object> outcome = imports.send(importId, wireName(kept.fileName()), taken.get().content(), false,
                    kept.createMissing(), kept.sheet());
            redirect.addFlashAttribute("fileName", kept.fileName());
            redirect.addFlashAttribute("outcome", outcome);
            redirect.addFlashAttribute("rowCount", rowCount(outcome));
            return "redirect:/imports/done";
        } catch (ApiRefusal refusal) {
            return refused(refusal, model, new Choices(kept.createMissing(), kept.sheet() == null ? "recommendations" : kept.sheet()));
        }
    }

    /** After a confirmation: the outcome, shown once (a reload shows the empty form, not a second import). */
    @GetMapping("/done")
    String done(Model model) {
        if (!model.containsAttribute("outcome")) {
            return "redirect:/imports";
        }
        return page(model, new Choices(false, "recommendations"));
    }

    /**
     * How far a check or an import is, for the page to poll while its form's POST waits for the
     * end (htmx, app.js). Before command-service has started it, there is nothing to say but "sending".
     */
    @GetMapping("/{importId}/progress")
    String progress(@PathVariable UUID importId, Model model) {
        try {
            model.addAttribute("status", imports.status(importId));
        } catch (ApiRefusal notYet) {
            if (notYet.status() != 404) {
                throw notYet;
            }
        }
        return "import :: progress";
    }

    @PostMapping("/{importId}/discard")
    String discard(@PathVariable UUID importId, @AuthenticationPrincipal SignedInUser user) {
        pending.take(importId, user.username());
        return "redirect:/imports";
    }

    /*
     * The headers' language is "headers", not "lang": a lang parameter would switch the page's
     * language too (LanguageChoice), and a download must not change how the interface speaks.
     */
    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> workbookTemplate(@RequestParam(defaultValue = "en") String headers) {
        return download(imports.template("xlsx", null, language(headers)), "workbook-template-" + language(headers) + ".xlsx");
    }

    @GetMapping("/template.csv")
    ResponseEntity<byte[]> sheetTemplate(@RequestParam(defaultValue = "recommendations") String sheet,
            @RequestParam(defaultValue = "en") String headers) {
        if (!SHEETS.contains(sheet)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return download(imports.template("csv", sheet, language(headers)), sheet + "-template-" + language(headers) + ".csv");
    }

    /**
     * A refusal about the file (400 with its problems, 409 interrupted, 413, 415) is the report
     * itself; a service fault or a refused identity goes to the common problem page.
     */
    private String refused(ApiRefusal refusal, Model model, Choices choices) {
        if (refusal.status() >= 500 || refusal.status() == 401 || refusal.status() == 403) {
            throw refusal;
        }
        Object errors = refusal.problem().get("errors");
        model.addAttribute("refusal", refusal.detail());
        model.addAttribute("problems", errors instanceof List<?> list ? list : List.of());
        // Names the registers lack, for an administrator to add (or to import with createMissing).
        model.addAttribute("missing", refusal.problem().get("missing"));
        model.addAttribute("interrupted", refusal.status() == 409);
        return page(model, choices);
    }

    private static void refusedAfterRedirect(ApiRefusal refusal, RedirectAttributes redirect) {
        if (refusal.status() >= 500 || refusal.status() == 401 || refusal.status() == 403) {
            throw refusal;
        }
        Object errors = refusal.problem().get("errors");
        redirect.addFlashAttribute("refusal", refusal.detail());
        redirect.addFlashAttribute("problems", errors instanceof List<?> list ? list : List.of());
        Object missing = refusal.problem().get("missing");
        if (missing != null) {
            redirect.addFlashAttribute("missing", missing);
        }
        redirect.addFlashAttribute("interrupted", refusal.status() == 409);
    }

    static String page(Model model, Choices choices) {
        if (choices == null) {
            choices = new Choices(false, "recommendations");
        }
        model.addAttribute("choices", choices);
        model.addAttribute("sheets", SHEETS);
        model.addAttribute("newImportId", UUID.randomUUID());
        model.addAttribute("pagePath", "/imports");
        model.addAttribute("allowedValues", ALLOWED_VALUES);
        return "import";
    }

    /** The form's id if it is one and not in use (a form sent twice), else a new one. */
    private UUID freshId(String importId) {
        try {
            UUID id = UUID.fromString(importId);
            return pending.holds(id) ? UUID.randomUUID() : id;
        } catch (IllegalArgumentException | NullPointerException e) {
            return UUID.randomUUID();
        }
    }

    private static boolean isCsv(String fileName) {
        return fileName.strip().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /**
     * The name sent to command-service, which judges the format by its extension: ASCII only, as
     * a non-ASCII name in a multipart header is read differently by different servers.
     */
    static String wireName(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return ascii.isBlank() ? "upload" : ascii;
    }

    private static int rowCount(Map<String, Object> answer) {
        return answer.get("rows") instanceof Map<?, ?> rows
                ? rows.values().stream().mapToInt(v -> ((Number) v).intValue()).sum()
                : 0;
    }

    private static String language(String lang) {
        return "zh".equals(lang) ? "zh" : "en";
    }

    /** The file named by its headers' language: the English and the Chinese template of a sheet are two files. */
    private static ResponseEntity<byte[]> download(ResponseEntity<byte[]> fromService, String fileName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(fromService.getHeaders().getContentType());
        headers.setContentDisposition(ContentDisposition.attachment().filename(fileName).build());
        return new ResponseEntity<>(fromService.getBody(), headers, HttpStatus.OK);
    }

    /** What the form shows chosen. */
    record Choices(boolean createMissing, String sheet) implements java.io.Serializable {
    }
}
