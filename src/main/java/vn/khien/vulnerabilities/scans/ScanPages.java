package vn.khien.vulnerabilities.scans;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.UploadSizeLimitFilter;
import vn.khien.systems.VisibleSystems;
import vn.khien.vulnerabilities.findings.FindingService;

/** Scans of a system: history, upload, and a progress fragment that htmx polls until the import finished. */
@Controller
class ScanPages {

    private final ScanImportService imports;
    private final VisibleSystems systems;
    private final FindingService findings;
    private final ScanProperties properties;
    private final MessageSource messages;

    public ScanPages(
            ScanImportService imports,
            VisibleSystems systems,
            FindingService findings,
            ScanProperties properties,
            MessageSource messages) {
        this.messages = messages;
        this.imports = imports;
        this.systems = systems;
        this.findings = findings;
        this.properties = properties;
    }

    @GetMapping("/systems/{systemId}/scans")
    String scans(
            @PathVariable long systemId,
            @RequestParam(name = UploadSizeLimitFilter.PARAMETER, required = false) @Nullable String tooLarge,
            Model model) {
        var system = systems.get(systemId);
        if (tooLarge != null && !model.containsAttribute("error")) {
            // The container refused the upload's size before this controller (UploadSizeLimitFilter).
            model.addAttribute(
                    "error",
                    text("scans.error.tooLarge", properties.maxUploadSize().toMegabytes()));
            model.addAttribute("uploadTooLargeShown", true);
        }
        model.addAttribute("system", system);
        model.addAttribute("scans", imports.ofSystem(systemId));
        model.addAttribute("duty", findings.scanDuty(systemId));
        model.addAttribute("canImport", systems.canEdit(system));
        model.addAttribute("formats", imports.formats());
        model.addAttribute("maxUploadMb", properties.maxUploadSize().toMegabytes());
        return "scans/system";
    }

    @PostMapping("/systems/{systemId}/scans")
    String upload(
            @PathVariable long systemId,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate scanDate,
            @RequestParam(defaultValue = "false") boolean fullScan,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        systems.get(systemId);
        try {
            if (file == null || file.isEmpty() && (format == null || format.isBlank())) {
                throw new FieldProblemException("file", "validation.required");
            }
            ScanImportService.Accepted a = imports.upload(systemId, Upload.of(file), format, scanDate, fullScan);
            model.addAttribute("scan", a.scan());
        } catch (FieldProblemException e) {
            FieldProblemException.FieldProblem p = e.problems().get(0);
            model.addAttribute("error", text(p.messageKey(), p.args()));
        } catch (ForbiddenActionException e) {
            model.addAttribute("error", text(e.messageKey()));
        }
        if (htmx == null) {
            return scans(systemId, null, model);
        }
        return "scans/progress :: progress";
    }

    private String text(String key, Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, LocaleContextHolder.getLocale()), key);
    }

    @GetMapping("/scans/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("scan", imports.get(id));
        return "scans/progress :: progress";
    }
}
