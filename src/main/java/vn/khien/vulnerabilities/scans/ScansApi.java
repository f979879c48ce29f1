package vn.khien.vulnerabilities.scans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import vn.khien.platform.FieldProblemException;

@RestController
@Tag(name = "Vulnerability scans", description = "Import scanner reports into a system and follow the import")
public class ScansApi {

    private final ScanImportService imports;
    private final ScanProperties properties;
    private final MessageSource messages;

    public ScansApi(ScanImportService imports, ScanProperties properties, MessageSource messages) {
        this.imports = imports;
        this.properties = properties;
        this.messages = messages;
    }

    @PostMapping(value = "/api/v1/systems/{systemId}/scans", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import a scanner report (EDIT_SECURITY_DATA on the system)",
            description =
                    "Nessus, OpenVAS, Nuclei, Trivy, SARIF, ZAP, Burp, Nmap, Qualys, Acunetix or generic JSON/CSV;"
                            + " a .zip holding one report is accepted. The format is detected when not given. Re-imports by the"
                            + " same tool match findings by fingerprint; a full scan closes what it no longer reports.")
    @ApiResponse(responseCode = "201", description = "Imported; the finished scan")
    @ApiResponse(
            responseCode = "202",
            description = "Large report: importing in the background; poll GET /api/v1/scans/{id}")
    @ApiResponse(responseCode = "422", description = "Unreadable or unsafe report, or too large: nothing was stored")
    public ResponseEntity<ScanView> upload(
            @PathVariable long systemId,
            @RequestPart(value = "file", required = false) MultipartFile file,
            @Parameter(description = "Parser format; detected from the content when empty")
                    @RequestParam(required = false)
                    String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate scanDate,
            @RequestParam(defaultValue = "true") boolean fullScan) {
        if (file == null) {
            throw new FieldProblemException("file", "validation.required");
        }
        ScanImportService.Accepted a = imports.upload(systemId, Upload.of(file), format, scanDate, fullScan);
        ScanView view = ScanView.of(a.scan());
        URI location = URI.create("/api/v1/scans/" + view.id());
        return a.inBackground()
                ? ResponseEntity.accepted().location(location).body(view)
                : ResponseEntity.created(location).body(view);
    }

    @GetMapping("/api/v1/scans/{id}")
    @Operation(summary = "A scan and what its import did (poll this for background imports)")
    public ScanView get(@PathVariable long id) {
        return ScanView.of(imports.get(id));
    }

    @GetMapping("/api/v1/systems/{systemId}/scans")
    @Operation(summary = "Scans of a system, newest first")
    public List<ScanView> ofSystem(@PathVariable long systemId) {
        return imports.ofSystem(systemId).stream().map(ScanView::of).toList();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(@Nullable MaxUploadSizeExceededException e) {
        return fileProblem("scans.error.tooLarge", properties.maxUploadSize().toMegabytes());
    }

    /**
     * Tomcat 11 reports a part over {@code spring.servlet.multipart.max-file-size} as its own IllegalStateException
     * (InvalidParameterException caused by FileSizeLimitExceededException) when the parameters are first read, which
     * Spring does not turn into {@link MaxUploadSizeExceededException}: without this the client gets Tomcat's HTML 413.
     */
    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail containerSizeLimit(IllegalStateException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaxUploadSizeExceededException
                    || t.getClass().getSimpleName().endsWith("SizeLimitExceededException")) {
                return tooLarge(null);
            }
        }
        throw e;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingFile(MissingServletRequestPartException e) {
        return fileProblem("validation.required");
    }

    private ProblemDetail fileProblem(String key, Object... args) {
        String text = messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("error.validation", null, "error.validation", LocaleContextHolder.getLocale()));
        pd.setType(URI.create("urn:khien:problem:validation"));
        pd.setProperty("errors", List.of(Map.of("field", "file", "message", text)));
        return pd;
    }
}
