package vn.khien.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.access.OrgScope;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.FormDates;

@Controller
@RequestMapping("/audit")
class AuditPages {
    /** Records per page: each shows its changes field by field, so a page stays readable. */
    static final int PAGE_SIZE = 25;

    private final AuditRecords records;
    private final AuditChainVerifier verifier;
    private final OrgScope scope;
    private final AuditOrganizations organizations;

    private final MessageSource messages;

    public AuditPages(
            AuditRecords records,
            AuditChainVerifier verifier,
            OrgScope scope,
            AuditOrganizations organizations,
            MessageSource messages) {
        this.messages = messages;
        this.records = records;
        this.verifier = verifier;
        this.scope = scope;
        this.organizations = organizations;
    }

    @GetMapping
    String search(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable Long organizationId,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            HttpServletResponse response) {
        List<AuditOrganizations.Option> readable = organizations.readable();
        if (readable.isEmpty() && !scope.isPlatformAdmin()) {
            // a person who may read no organisation's trail is told so, not shown an empty trail
            throw new ForbiddenActionException("error.forbidden");
        }
        // the days are read here, not bound: a wrong one is said next to its field and the other filters stay
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        if (!errors.isEmpty()) {
            response.setStatus(400); // a filter (GET) the server cannot read
        }
        model.addAttribute("errors", errors);
        model.addAttribute(
                "page", records.search(AuditApi.query(actor, organizationId, action, fromDay, toDay, page, PAGE_SIZE)));
        model.addAttribute("actions", records.actions());
        model.addAttribute("organizations", readable);
        model.addAttribute("pageNo", page);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("platformAdmin", scope.isPlatformAdmin());
        return "audit";
    }

    @PostMapping("/verify")
    String verify(Model model, HttpServletResponse response) {
        if (!scope.isPlatformAdmin()) {
            throw new ForbiddenActionException("error.forbidden");
        }
        model.addAttribute("verification", verifier.verify());
        return search(null, null, null, null, null, 0, model, response);
    }

    private @Nullable LocalDate day(@Nullable String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FormDates.read(value);
        } catch (DateTimeParseException e) {
            errors.put(
                    field,
                    messages.getMessage(
                            "audit.badDate", new Object[] {value.strip()}, LocaleContextHolder.getLocale()));
            return null;
        }
    }
}
