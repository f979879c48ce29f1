package vn.khien.warnings.advisories;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    /** Each accepted CSAF test failure: its number, level, JSON pointer, English detail and title in both languages. */
    private List<Map<String, Object>> checks(List<CsafCheck> checks) {
        return checks.stream()
                .map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("test", c.test());
                    m.put("level", c.level().name());
                    m.put("pointer", c.place());
                    m.put("message", c.message());
                    m.put("titleVi", messages.getMessage(c.titleKey(), null, c.test(), VIETNAMESE));
                    m.put("titleEn", messages.getMessage(c.titleKey(), null, c.test(), Locale.ENGLISH));
                    return m;
                })
                .toList();
    }

    @GetMapping("/api/v1/advisories")
    @Operation(summary = "Advisories holding a CVE id")
    List<AdvisoryLibrary.AdvisoryView> byCve(@RequestParam String cve) {
        return library.byCve(cve.trim().toUpperCase(Locale.ROOT));
    }

    @GetMapping("/api/v1/advisories/{id}")
    @Operation(summary = "One advisory")
    AdvisoryLibrary.AdvisoryView one(@PathVariable long id) {
        return library.byId(id).orElseThrow(() -> new NotFoundException("advisory"));
    }
}
