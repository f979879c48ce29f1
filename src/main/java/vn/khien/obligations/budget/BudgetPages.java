package vn.khien.obligations.budget;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.obligations.xlsx.XlsxImports;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/**
 * The budget of an organisation by year: its plans and projects (drafts editable, approved by the leader), the
 * security share against R39's minimum, its subtree's share and each child's, a form to add a plan and the XLSX
 * import with its template.
 */
@Controller
class BudgetPages {

    private final BudgetService budgets;
    private final BudgetImport importer;
    private final XlsxImports imports;
    private final OrganizationRepository organizations;
    private final OrgScope scope;
    private final MessageSource messages;
    private final Clock clock;

    BudgetPages(
            BudgetService budgets,
            BudgetImport importer,
            XlsxImports imports,
            OrganizationRepository organizations,
            OrgScope scope,
            MessageSource messages,
            Clock clock) {
        this.budgets = budgets;
        this.importer = importer;
        this.imports = imports;
        this.organizations = organizations;
        this.scope = scope;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/organizations/{id}/budget")
    String budget(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        var org = organizations.findVisible(id).orElseThrow(() -> new NotFoundException("organization"));
        List<Integer> years = budgets.years(id);
        int thisYear =
                LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).getYear();
        int shown = year != null ? year : years.isEmpty() ? thisYear : years.get(0);
        model.addAttribute("organization", org);
        model.addAttribute("summary", budgets.summary(id, shown));
        model.addAttribute("year", shown);
        model.addAttribute(
                "years",
                years.contains(shown)
                        ? years
                        : Stream.concat(years.stream(), Stream.of(shown))
                                .sorted(Comparator.reverseOrder())
                                .toList());
        model.addAttribute("canEdit", scope.can(id, Capability.EDIT_SECURITY_DATA));
        model.addAttribute("canApprove", scope.can(id, Capability.APPROVE));
        model.addAttribute("kinds", List.of("ANNUAL", "FIVE_YEAR", "PROJECT"));
        return "obligations/budget";
    }

    @PostMapping("/organizations/{id}/budget/plans")
    String add(
            @PathVariable long id,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) BigDecimal totalAmount,
            @RequestParam(required = false) BigDecimal securityAmount,
            @RequestParam(required = false) String fundingSource,
            @RequestParam(required = false) String linkedSystems,
            RedirectAttributes redirect) {
        try {
            budgets.create(
                    id,
                    new BudgetPlanRequest(year, kind, name, totalAmount, securityAmount, fundingSource, linkedSystems));
            redirect.addFlashAttribute("message", text("budget.page.added"));
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("error", problems(e));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:/organizations/" + id + "/budget" + (year == null ? "" : "?year=" + year);
    }

    /** All or nothing: a refused file comes back with every problem by row and column, nothing recorded. */
    @PostMapping("/organizations/{id}/budget/import")
    String importFile(
            @PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        imports.upload(id, file, "budget.import", "error", redirect, bytes -> importer.importFile(id, bytes));
        return "redirect:/organizations/" + id + "/budget";
    }

    @GetMapping("/budget/template.xlsx")
    ResponseEntity<byte[]> template() {
        return XlsxImports.template(importer.template(), "mau-ke-hoach-kinh-phi.xlsx");
    }

    @GetMapping("/budget-plans/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        BudgetPlan plan = budgets.plan(id);
        model.addAttribute("plan", plan);
        model.addAttribute(
                "organization", organizations.findVisible(plan.organizationId()).orElseThrow());
        model.addAttribute("kinds", List.of("ANNUAL", "FIVE_YEAR", "PROJECT"));
        return "obligations/budget-edit";
    }

    @PostMapping("/budget-plans/{id}/edit")
    String save(
            @PathVariable long id,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) BigDecimal totalAmount,
            @RequestParam(required = false) BigDecimal securityAmount,
            @RequestParam(required = false) String fundingSource,
            @RequestParam(required = false) String linkedSystems,
            RedirectAttributes redirect) {
        BudgetPlan plan = budgets.plan(id);
        try {
            BudgetPlan saved = budgets.update(
                    id,
                    new BudgetPlanRequest(year, kind, name, totalAmount, securityAmount, fundingSource, linkedSystems));
            redirect.addFlashAttribute("message", text("budget.page.saved"));
            return "redirect:/organizations/" + saved.organizationId() + "/budget?year=" + saved.year();
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("error", problems(e));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:/budget-plans/" + plan.id() + "/edit";
    }

    @PostMapping("/budget-plans/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        BudgetPlan plan = budgets.plan(id);
        try {
            budgets.approve(id);
            redirect.addFlashAttribute("message", text("budget.page.approved", plan.name()));
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("error", problems(e));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:/organizations/" + plan.organizationId() + "/budget?year=" + plan.year();
    }

    private String problems(FieldProblemException e) {
        return String.join(
                "; ",
                e.problems().stream().map(p -> text(p.messageKey(), p.args())).toList());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
