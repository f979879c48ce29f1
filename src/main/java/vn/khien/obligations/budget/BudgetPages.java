package vn.khien.obligations.budget;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
        return budgetPage(id, year, model, null, Map.of());
    }

    private String budgetPage(
            long id, @Nullable Integer year, Model model, @Nullable PlanForm form, Map<String, String> errors) {
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
        model.addAttribute("f", form != null ? form : PlanForm.empty(shown));
        model.addAttribute("errors", errors);
        return "obligations/budget";
    }

    /**
     * The plan form as typed (text, so that a wrong number comes back as typed next to its field). Amounts are read
     * with or without thousands separators: 1.500.000.000, 1 500 000 000 or 1500000000 đồng.
     */
    record PlanForm(
            @Nullable String year,
            @Nullable String kind,
            @Nullable String name,
            @Nullable String totalAmount,
            @Nullable String securityAmount,
            @Nullable String fundingSource,
            @Nullable String linkedSystems) {

        static PlanForm empty(int year) {
            return new PlanForm(String.valueOf(year), null, null, null, null, null, null);
        }

        static PlanForm of(BudgetPlan p) {
            return new PlanForm(
                    String.valueOf(p.year()),
                    p.kind(),
                    p.name(),
                    p.total().toPlainString(),
                    p.security().toPlainString(),
                    p.fundingSource(),
                    p.linkedSystems());
        }

        /** The request, or null with the errors of the fields that cannot be read. */
        BudgetPlanRequest request(Map<String, String> errors, BiFunction<String, Object[], String> text) {
            Integer y = null;
            if (year != null && !year.isBlank()) {
                try {
                    y = Integer.valueOf(year.strip());
                } catch (NumberFormatException e) {
                    errors.put("year", text.apply("budget.error.year", new Object[0]));
                }
            }
            BigDecimal total = amount(totalAmount, "totalAmount", errors, text);
            BigDecimal security = amount(securityAmount, "securityAmount", errors, text);
            return new BudgetPlanRequest(y, kind, name, total, security, fundingSource, linkedSystems);
        }

        private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([. ]\\d{3})+");
        private static final Pattern PLAIN = Pattern.compile("\\d+([.,]\\d+)?");

        private static @Nullable BigDecimal amount(
                @Nullable String value,
                String field,
                Map<String, String> errors,
                BiFunction<String, Object[], String> text) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String v = value.strip().replace('\u00a0', ' ');
            if (GROUPED.matcher(v).matches()) {
                return new BigDecimal(v.replace(".", "").replace(" ", ""));
            }
            if (PLAIN.matcher(v).matches()) {
                return new BigDecimal(v.replace(',', '.'));
            }
            errors.put(field, text.apply("budget.error.amountFormat", new Object[] {v}));
            return null;
        }
    }

    /** The service's refusal merged with the fields that could not be read (those keep their own message). */
    private void refused(FieldProblemException e, Map<String, String> errors) {
        for (FieldProblemException.FieldProblem p : e.problems()) {
            errors.putIfAbsent(p.field(), text(p.messageKey(), p.args()));
        }
    }

    @PostMapping("/organizations/{id}/budget/plans")
    String add(
            @PathVariable long id,
            @ModelAttribute PlanForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        BudgetPlanRequest request = form.request(errors, this::text);
        if (errors.isEmpty()) {
            try {
                budgets.create(id, request);
                redirect.addFlashAttribute("message", text("budget.page.added"));
                return "redirect:/organizations/" + id + "/budget?year=" + request.year();
            } catch (FieldProblemException e) {
                refused(e, errors);
            } catch (ForbiddenActionException e) {
                redirect.addFlashAttribute("error", text(e.messageKey()));
                return "redirect:/organizations/" + id + "/budget";
            }
        } else {
            errors.putAll(validateOnly(request, errors));
        }
        response.setStatus(422);
        return budgetPage(id, request.year(), model, form, errors);
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
        return editPage(plan, model, PlanForm.of(plan), Map.of());
    }

    private String editPage(BudgetPlan plan, Model model, PlanForm form, Map<String, String> errors) {
        model.addAttribute("plan", plan);
        model.addAttribute(
                "organization", organizations.findVisible(plan.organizationId()).orElseThrow());
        model.addAttribute("kinds", List.of("ANNUAL", "FIVE_YEAR", "PROJECT"));
        model.addAttribute("f", form);
        model.addAttribute("errors", errors);
        return "obligations/budget-edit";
    }

    @PostMapping("/budget-plans/{id}/edit")
    String save(
            @PathVariable long id,
            @ModelAttribute PlanForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        BudgetPlan plan = budgets.plan(id);
        Map<String, String> errors = new LinkedHashMap<>();
        BudgetPlanRequest request = form.request(errors, this::text);
        // an amount that cannot be read is refused here, before the service would record the plan without it
        if (errors.isEmpty()) {
            try {
                BudgetPlan saved = budgets.update(id, request);
                redirect.addFlashAttribute("message", text("budget.page.saved"));
                return "redirect:/organizations/" + saved.organizationId() + "/budget?year=" + saved.year();
            } catch (FieldProblemException e) {
                refused(e, errors);
            } catch (ForbiddenActionException e) {
                redirect.addFlashAttribute("error", text(e.messageKey()));
                return "redirect:/budget-plans/" + plan.id() + "/edit";
            }
        } else {
            errors.putAll(validateOnly(request, errors));
        }
        response.setStatus(422);
        return editPage(plan, model, form, errors);
    }

    /** The service's own checks of a request, for the fields not already refused as unreadable. */
    private Map<String, String> validateOnly(BudgetPlanRequest request, Map<String, String> already) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldProblemException.FieldProblem p : BudgetService.validate(request)) {
            if (!already.containsKey(p.field())) {
                out.putIfAbsent(p.field(), text(p.messageKey(), p.args()));
            }
        }
        return out;
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
