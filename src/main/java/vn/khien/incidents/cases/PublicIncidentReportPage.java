package vn.khien.incidents.cases;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.NotFoundException;

/**
 * The public incident report page of an organisation that publishes its contact point (TT 20/2017 Đ9: third parties
 * may notify the operator). No sign-in; rate-limited per address; input bounded; everything it stores is shown back
 * on the confirmation page and nothing else is kept (not the address). The report lands as a NEW (unverified) case.
 */
@Controller
class PublicIncidentReportPage {

    static final int NAME_MAX = 200;
    static final int CONTACT_MAX = 200;

    private final IncidentService service;
    private final PublicReportLimiter limiter;
    private final IncidentRepository lookups;
    private final MessageSource messages;

    public PublicIncidentReportPage(
            IncidentService service, PublicReportLimiter limiter, IncidentRepository lookups, MessageSource messages) {
        this.service = service;
        this.limiter = limiter;
        this.lookups = lookups;
        this.messages = messages;
    }

    private String publishedOrganization(long organizationId) {
        return lookups.publishedOrganization(organizationId)
                .orElseThrow(() -> new NotFoundException("organization " + organizationId));
    }

    @GetMapping("/public/incidents/{organizationId}/report")
    String form(@PathVariable long organizationId, Model model) {
        model.addAttribute("organizationName", publishedOrganization(organizationId));
        model.addAttribute("organizationId", organizationId);
        model.addAttribute("categories", service.catalogue().categories());
        model.addAttribute("form", Map.of());
        return "incidents/public-report";
    }

    @PostMapping("/public/incidents/{organizationId}/report")
    String submit(
            @PathVariable long organizationId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String detectedAt,
            @RequestParam(required = false) String reporterName,
            @RequestParam(required = false) String reporterContact,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String organizationName = publishedOrganization(organizationId);
        model.addAttribute("organizationName", organizationName);
        model.addAttribute("organizationId", organizationId);
        model.addAttribute("categories", service.catalogue().categories());
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("title", cut(title, IncidentService.TITLE_MAX + 1));
        form.put("description", cut(description, IncidentService.DESCRIPTION_MAX + 1));
        form.put("category", cut(category, 40));
        form.put("detectedAt", cut(detectedAt, 40));
        form.put("reporterName", cut(reporterName, NAME_MAX + 1));
        form.put("reporterContact", cut(reporterContact, CONTACT_MAX + 1));
        model.addAttribute("form", form);
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", "3600");
            model.addAttribute("errors", List.of(text("incidents.public.rateLimited")));
            return "incidents/public-report";
        }
        List<String> errors = new ArrayList<>();
        if (reporterName != null && reporterName.length() > NAME_MAX) {
            errors.add(text("incidents.field.reporterName") + ": " + text("incidents.error.tooLong", NAME_MAX));
        }
        if (reporterContact != null && reporterContact.length() > CONTACT_MAX) {
            errors.add(text("incidents.field.reporterContact") + ": " + text("incidents.error.tooLong", CONTACT_MAX));
        }
        OffsetDateTime detected = null;
        try {
            LocalDateTime local = LocalDateTimes.parse(detectedAt);
            detected = local == null ? null : local.atZone(IncidentDocuments.VN).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            errors.add(text("incidents.field.detectedAt") + ": " + text("incidents.error.dateInvalid"));
        }
        if (errors.isEmpty()) {
            try {
                long id = service.reportPublic(
                        organizationId,
                        title,
                        description,
                        category,
                        detected == null ? OffsetDateTime.now(IncidentDocuments.VN) : detected,
                        reporterName,
                        reporterContact);
                model.addAttribute("reference", id);
                model.addAttribute("detected", detected == null ? null : detected.toLocalDateTime());
                model.addAttribute(
                        "categoryName",
                        service.catalogue()
                                .category(category)
                                .map(c -> c.name("en"
                                        .equals(LocaleContextHolder.getLocale().getLanguage())))
                                .orElse(category));
                return "incidents/public-received";
            } catch (FieldProblemException e) {
                e.problems()
                        .forEach(p -> errors.add(
                                text("incidents.field." + p.field()) + ": " + text(p.messageKey(), p.args())));
            }
        }
        response.setStatus(400);
        model.addAttribute("errors", errors);
        return "incidents/public-report";
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
