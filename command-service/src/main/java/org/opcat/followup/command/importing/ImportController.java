package org.opcat.followup.command.importing;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.command.http.ProblemAnswers;
import org.opcat.followup.command.refusal.UnknownId;
import org.opcat.followup.security.CurrentUser;
import org.opcat.followup.security.Role;
import org.opcat.followup.spreadsheet.CellProblem;
import org.opcat.followup.spreadsheet.FileFormat;
import org.opcat.followup.spreadsheet.HeaderLanguage;
import org.opcat.followup.spreadsheet.LayoutProblems;
import org.opcat.followup.spreadsheet.Sheet;
import org.opcat.followup.spreadsheet.SheetReader;
import org.opcat.followup.spreadsheet.SheetRow;
import org.opcat.followup.spreadsheet.SheetWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * POST /api/imports: a spreadsheet of recommendations (docs/spreadsheet-layout.md), validated row
 * by row and, unless {@code dryRun=true}, stored whole through the command API's commands. The
 * answer waits for the end; meanwhile GET /api/imports/{importId} shows the progress (a client
 * that wants to watch chooses the {@code importId} itself). {@code createMissing=true} registers
 * the authorities and places the file names that are not on record: administrators only. Templates:
 * GET /api/imports/template.csv and template.xlsx.
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final ImportPlanner planner;
    private final ImportRun run;
    private final ImportLedger ledger;
    private final NamedRegisters registers;

    ImportController(ImportPlanner planner, ImportRun run, ImportLedger ledger, NamedRegisters registers) {
        this.planner = planner;
        this.run = run;
        this.ledger = ledger;
        this.registers = registers;
    }

    @Operation(summary = "Import a spreadsheet",
            description = "ANALYST or ADMIN. One CSV or an XLSX of recommendations, responses, action plans and "
            + "follow-up visits (docs/spreadsheet-layout.md). dryRun=true checks every row and stores "
            + "nothing; otherwise the file is stored whole or not at all. createMissing=true (ADMIN "
            + "only) registers the authorities and places the registers lack. Importing the same file "
            + "again stores nothing new.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> importFile(@RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean createMissing,
            @RequestParam(required = false) String sheet,
            @RequestParam(required = false) UUID importId) throws IOException {
        if (createMissing && !CurrentUser.roles().contains(Role.ADMIN)) {
            // Registers belong to administrators, as POST /api/authorities and /api/places do; the
            // dry run without createMissing lists the missing names for an administrator to add.
            return ProblemAnswers.problem(HttpStatus.FORBIDDEN, "forbidden", "only an administrator registers authorities "
                    + "and places: import with createMissing=false; its dry run lists the names missing from the registers",
                    Map.of("errors", List.of(Map.of("field", "createMissing",
                            "message", "createMissing=true is for administrators"))));
        }
        FileFormat format = FileFormat.of(file.getOriginalFilename(), file.getContentType()).orElse(null);
        if (format == null) {
            return ProblemAnswers.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file",
                    "upload a .csv or .xlsx file (this one is " + file.getOriginalFilename() + ", "
                            + file.getContentType() + ")", Map.of());
        }
        Sheet csvSheet = Sheet.RECOMMENDATIONS;
        if (sheet != null) {
            csvSheet = Sheet.named(sheet).orElse(null);
            if (csvSheet == null) {
                return ProblemAnswers.problem(HttpStatus.BAD_REQUEST, "invalid-input", "sheet must be one of "
                        + List.of(Sheet.values()).stream().map(Sheet::key).toList(),
                        Map.of("errors", List.of(Map.of("field", "sheet", "message", "unknown sheet " + sheet))));
            }
        }
        UUID id = importId != null ? importId : UUID.randomUUID();
        ImportProgress progress = ledger.start(id, file.getOriginalFilename(), dryRun, CurrentUser.name());
        Map<Sheet, List<SheetRow>> sheets;
        try {
            sheets = SheetReader.read(file.getBytes(), format, csvSheet);
        } catch (LayoutProblems layout) {
            return refused(progress, "the file does not follow the layout: " + layout.getMessage(), layout.problems(),
                    null, null);
        }
        String fileKey = fileKey(file.getBytes(), format, csvSheet, createMissing);
        long mark = registers.eventStoreMark();
        boolean validated = !dryRun && ledger.validatedAt(fileKey, mark);
        ImportPlan plan = planner.plan(sheets, createMissing);
        ImportRun.Outcome outcome = run.run(plan, dryRun, validated, progress);
        if (dryRun && outcome.problems().isEmpty()) {
            ledger.validated(fileKey, mark);
        }
        if (outcome.interrupted()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("importId", id);
            body.put("commandsStored", outcome.commandsStored());
            body.put("errors", errors(outcome.problems()));
            progress.finish(ImportProgress.State.INTERRUPTED, body);
            return ProblemAnswers.problem(HttpStatus.CONFLICT, "import-interrupted", outcome.problems().get(0).message(), body);
        }
        if (!outcome.problems().isEmpty()) {
            return refused(progress, outcome.problems().size() + " problem(s) in the file; nothing was stored",
                    outcome.problems(), plan, createMissing);
        }
        ImportProgress.State state = dryRun ? ImportProgress.State.VALID : ImportProgress.State.IMPORTED;
        // Events the file adds (dry run: would add); 0 for a file whose every row is already stored.
        Long newEvents = outcome.newEvents() >= 0 ? outcome.newEvents() : null;
        ImportAnswers.Names created = created(plan);
        ImportAnswers.Report report = progress.finishWith(state, status -> new ImportAnswers.Report(id, dryRun, state,
                plan.rowsBySheet(), plan.commands().size(), newEvents, dryRun ? created : null, dryRun ? null : created,
                status));
        return ResponseEntity.ok(report);
    }

    @Operation(summary = "Progress of an import",
            description = "ANALYST or ADMIN. How far an import got; a client that wants to watch chooses the "
            + "importId of its import itself.")
    @GetMapping("/{importId}")
    ImportAnswers.Status status(@PathVariable UUID importId) {
        return ledger.find(importId).orElseThrow(() -> new UnknownId("importId", ProblemCode.UNKNOWN_IMPORT, importId)).view();
    }

    @Operation(summary = "CSV template of one sheet",
            description = "ANALYST or ADMIN. The headers of one sheet (default recommendations), in English or "
            + "Chinese (lang=zh).")
    @GetMapping("/template.csv")
    ResponseEntity<byte[]> csvTemplate(@RequestParam(defaultValue = "recommendations") String sheet,
            @RequestParam(defaultValue = "en") String lang) {
        Sheet which = Sheet.named(sheet).orElseThrow(() -> new org.opcat.followup.command.refusal.InvalidInput("sheet",
                ProblemCode.UNKNOWN_SHEET, "allowed", List.of(Sheet.values()).stream().map(Sheet::key).toList()));
        byte[] csv = SheetWriter.csv(which, language(lang), List.of());
        return download(csv, FileFormat.CSV, which.key() + "-template.csv");
    }

    @Operation(summary = "XLSX template",
            description = "ANALYST or ADMIN. A workbook with the four sheets and their headers, in English or "
            + "Chinese (lang=zh).")
    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> xlsxTemplate(@RequestParam(defaultValue = "en") String lang) {
        return download(SheetWriter.xlsx(language(lang), Map.of()), FileFormat.XLSX, "recommendations-template.xlsx");
    }

    private static String fileKey(byte[] content, FileFormat format, Sheet csvSheet, boolean createMissing) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content);
            return java.util.HexFormat.of().formatHex(digest) + '/' + format + '/' + csvSheet + '/' + createMissing;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HeaderLanguage language(String lang) {
        try {
            return HeaderLanguage.of(lang);
        } catch (IllegalArgumentException e) {
            throw new org.opcat.followup.command.refusal.InvalidInput("lang", ProblemCode.UNKNOWN_HEADER_LANGUAGE, "lang", lang);
        }
    }

    private static ResponseEntity<byte[]> download(byte[] content, FileFormat format, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(content);
    }

    private static ResponseEntity<Object> refused(ImportProgress progress, String detail, List<CellProblem> problems,
            ImportPlan plan, Boolean createMissing) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("importId", progress.importId());
        body.put("errors", errors(problems));
        if (plan != null) {
            body.put("rows", plan.rowsBySheet());
            if (Boolean.TRUE.equals(createMissing)) {
                body.put("wouldCreate", created(plan));
            }
            if (!plan.unregisteredAuthorities().isEmpty() || !plan.unregisteredPlaces().isEmpty()) {
                body.put("missing", new ImportAnswers.Names(plan.unregisteredAuthorities(), plan.unregisteredPlaces()));
            }
        }
        progress.finish(ImportProgress.State.REFUSED, body);
        return ProblemAnswers.problem(HttpStatus.BAD_REQUEST, "invalid-import", detail, body);
    }

    private static List<ImportAnswers.CellError> errors(List<CellProblem> problems) {
        return problems.stream().map(ImportAnswers.CellError::of).toList();
    }

    private static ImportAnswers.Names created(ImportPlan plan) {
        return new ImportAnswers.Names(plan.missingAuthorities(), plan.missingPlaces());
    }
}
