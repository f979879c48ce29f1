package vn.khien.audit;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.access.OrgScope;
import vn.khien.platform.ForbiddenActionException;

@Controller
@RequestMapping("/audit")
class AuditPages {
    /** Records per page: each shows its changes field by field, so a page stays readable. */
    static final int PAGE_SIZE = 25;

    private final AuditRecords records;
    private final AuditChainVerifier verifier;
    private final OrgScope scope;
    private final AuditOrganizations organizations;

    public AuditPages(
            AuditRecords records, AuditChainVerifier verifier, OrgScope scope, AuditOrganizations organizations) {
        this.records = records;
        this.verifier = verifier;
        this.scope = scope;
        this.organizations = organizations;
    }

    @GetMapping
    String search(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute(
                "page", records.search(AuditApi.query(actor, organizationId, action, from, to, page, PAGE_SIZE)));
        model.addAttribute("actions", records.actions());
        model.addAttribute("organizations", organizations.readable());
        model.addAttribute("pageNo", page);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("platformAdmin", scope.isPlatformAdmin());
        return "audit";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        if (!scope.isPlatformAdmin()) {
            throw new ForbiddenActionException("error.forbidden");
        }
        model.addAttribute("verification", verifier.verify());
        return search(null, null, null, null, null, 0, model);
    }
}
