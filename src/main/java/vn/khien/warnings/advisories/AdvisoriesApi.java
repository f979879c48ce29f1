package vn.khien.warnings.advisories;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.NotFoundException;

@RestController
@Tag(name = "Advisories", description = "The advisory library, imported from KEV, NVD, CSAF, OSV and MISP files")
class AdvisoriesApi {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final AdvisoryImportService imports;
    private final AdvisoryLibrary library;
    private final MessageSource messages;

    AdvisoriesApi(AdvisoryImportService imports, AdvisoryLibrary library, MessageSource messages) {
        this.imports = imports;
        this.library = library;
        this.messages = messages;
    }

    @PostMapping(value = "/api/v1/advisory-feeds", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import an advisory file (EDIT_SECURITY_DATA on some organisation)",
            description = "CISA KEV catalogue, NVD CVE API 2.0 JSON (one record, a page, or a yearly feed), CSAF 2.0"
                    + " (security advisory or VEX), OSV JSON or a MISP event; the format is detected from the content."
                    + " Re-importing updates the advisories it holds, never duplicates them. A CSAF document failing a"
                    + " mandatory test that changes the match is refused (422 naming each test and JSON pointer); the"
                    + " other failed mandatory tests and the optional and informative tests are listed in csafChecks"
                    + " and kept with the advisory.")
    @ApiResponse(responseCode = "201", description = "Imported")
    @ApiResponse(responseCode = "422", description = "Not an advisory file or invalid: nothing was stored")
    ResponseEntity<Map<String, Object>> importFeed(@RequestPart(value = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new FieldProblemException("file", "validation.required");
        }
        AdvisoryImportService.Result r = imports.importFeed(file.getOriginalFilename(), file::getInputStream);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", r.kind().name());
        body.put("advisories", r.advisories());
        body.put("created", r.created());
        body.put("updated", r.updated());
        body.put("findingsMarkedKnownExploited", r.findingsMarked());
        body.put("withdrawn", r.withdrawn());
        if (r.advisoryId() != null) {
            body.put("advisoryId", r.advisoryId());
            body.put("csafChecks", checks(r.checks()));
            body.put("csafChecksTotal", r.checksTotal());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    /**
     * One CSAF 2.0 test a document failed without being refused (ADR 0062): its section number, level (MANDATORY,
     * OPTIONAL, INFORMATIVE), JSON pointer, the specification's English detail and the test's title in both languages.
     */
    record CheckView(String test, String level, String pointer, String message, String titleVi, String titleEn) {}

    /** Each accepted CSAF test failure, as the import and the advisory answer it. */
    private List<CheckView> checks(List<CsafCheck> checks) {
        return checks.stream()
                .map(c -> new CheckView(
                        c.test(),
                        c.level().name(),
                        c.place(),
                        c.message(),
                        messages.getMessage(c.titleKey(), null, c.test(), VIETNAMESE),
                        messages.getMessage(c.titleKey(), null, c.test(), Locale.ENGLISH)))
                .toList();
    }

    /**
     * One advisory with what its page shows: the CSAF 2.0 tests it failed without being refused ({@code csafChecks},
     * at most 200, in the specification's order; empty for the other formats) and how many there were in all
     * ({@code csafChecksTotal}: more than the list holds when the list was capped).
     */
    record AdvisoryDetail(
            long id,
            String kind,
            String key,
            String title,
            String severity,
            List<String> cves,
            List<Map<String, Object>> affected,
            String source,
            LocalDate published,
            List<CheckView> csafChecks,
            int csafChecksTotal) {}

    @GetMapping("/api/v1/advisories")
    @Operation(summary = "Advisories holding a CVE id")
    List<AdvisoryLibrary.AdvisoryView> byCve(@RequestParam String cve) {
        return library.byCve(cve.trim().toUpperCase(Locale.ROOT));
    }

    @GetMapping("/api/v1/advisories/{id}")
    @Operation(
            summary = "One advisory, with the CSAF 2.0 tests it failed without being refused",
            description =
                    "csafChecks: the accepted failures of the CSAF mandatory (§6.1, those not changing the match),"
                            + " optional (§6.2) and informative (§6.3) tests, as the advisory's page shows them (at most 200);"
                            + " csafChecksTotal: how many there were in all. Both empty/0 for the other formats.")
    @ApiResponse(responseCode = "200", description = "The advisory")
    @ApiResponse(responseCode = "404", description = "No such advisory")
    AdvisoryDetail one(@PathVariable long id) {
        AdvisoryLibrary.AdvisoryView a = library.byId(id).orElseThrow(() -> new NotFoundException("advisory"));
        return new AdvisoryDetail(
                a.id(),
                a.kind(),
                a.key(),
                a.title(),
                a.severity(),
                a.cves(),
                a.affected(),
                a.source(),
                a.published(),
                checks(library.checks(id)),
                library.checksTotal(id));
    }
}
