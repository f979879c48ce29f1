package vn.khien.obligations.suppliers;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.util.UriComponentsBuilder;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.obligations.xlsx.XlsxImports;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.FormDates;
import vn.khien.platform.NotFoundException;

/**
 * The suppliers of an organisation's subtree ranked by risk (R36's "do it" page), and one supplier's page: its
 * systems and access, its assessments, and the form to record a new one (for those who may).
 */
@Controller
class SuppliersPages {

    private final SupplierRiskService suppliers;
    private final SupplierTaxCodeImport taxCodeImport;
    private final XlsxImports imports;
    private final OrganizationRepository organizations;
    private final OrgScope scope;
    private final MessageSource messages;

    SuppliersPages(
            SupplierRiskService suppliers,
            SupplierTaxCodeImport taxCodeImport,
            XlsxImports imports,
            OrganizationRepository organizations,
            OrgScope scope,
            MessageSource messages) {
        this.suppliers = suppliers;
        this.taxCodeImport = taxCodeImport;
        this.imports = imports;
        this.organizations = organizations;
        this.scope = scope;
        this.messages = messages;
    }

    @GetMapping("/organizations/{id}/suppliers")
    String list(@PathVariable long id, Model model) {
        var org = organizations.findVisible(id).orElseThrow(() -> new NotFoundException("organization"));
        List<SupplierRisk> ranked = suppliers.ranked(id);
        model.addAttribute("organization", org);
        model.addAttribute("suppliers", ranked);
        model.addAttribute("cycleMonths", suppliers.cycle().toTotalMonths());
        model.addAttribute("minimumLevel", suppliers.minimumLevel());
        model.addAttribute("canEdit", scope.can(id, Capability.EDIT_SECURITY_DATA));
        return "obligations/suppliers";
    }

    @GetMapping("/suppliers/tax-codes/template.xlsx")
    ResponseEntity<byte[]> taxCodeTemplate() {
        return XlsxImports.template(taxCodeImport.template(), "mau-ma-so-thue-nha-cung-cap.xlsx");
    }

    /** All or nothing: a refused file comes back with every problem by row and column, no tax code recorded. */
    @PostMapping("/organizations/{id}/suppliers/tax-codes/import")
    String importTaxCodes(
            @PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        imports.upload(
                id,
                file,
                "supplierTaxCode.import",
                "importError",
                redirect,
                bytes -> taxCodeImport.importFile(id, bytes));
        return "redirect:/organizations/" + id + "/suppliers";
    }

    @GetMapping("/organizations/{id}/suppliers/assess")
    String supplier(@PathVariable long id, @RequestParam(required = false) String supplier, Model model) {
        if (supplier == null || supplier.isBlank()) {
            throw new NotFoundException("supplier");
        }
        SupplierRisk risk = suppliers.supplier(id, supplier);
        model.addAttribute("organization", organizations.findVisible(id).orElseThrow());
        model.addAttribute("supplier", risk);
        model.addAttribute("history", suppliers.history(id, supplier));
        model.addAttribute("canEdit", scope.can(id, Capability.EDIT_SECURITY_DATA));
        model.addAttribute("ratings", RiskRating.values());
        model.addAttribute("today", suppliers.today().toString());
        // the day of the form as read (dd/MM/yyyy): today, or what was typed before a refusal
        Object refused = model.getAttribute("form");
        String day = refused instanceof SupplierAssessmentRequest f
                ? f.assessedOn()
                : suppliers.today().toString();
        model.addAttribute("assessedOnShown", shownDay(day));
        return "obligations/supplier";
    }

    /** The assessment form's fields that show their own error. */
    private static final Set<String> FORM_FIELDS =
            Set.of("assessedOn", "riskRating", "securityClauseRef", "incidentClauseRef");

    /** A day as the person reads it: ISO (what the page's script sends) back to dd/MM/yyyy, anything else as typed. */
    private static @Nullable String shownDay(@Nullable String value) {
        return value == null ? null : value.strip().replaceFirst("^(\\d{4})-(\\d{2})-(\\d{2})$", "$3/$2/$1");
    }

    @PostMapping("/organizations/{id}/suppliers/assess")
    String assess(
            @PathVariable long id,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String assessedOn,
            @RequestParam(required = false) String riskRating,
            @RequestParam(required = false) String dataProcessed,
            @RequestParam(required = false) Boolean securityClause,
            @RequestParam(required = false) String securityClauseRef,
            @RequestParam(required = false) Boolean incidentClause,
            @RequestParam(required = false) String incidentClauseRef,
            @RequestParam(required = false) String openIssues,
            RedirectAttributes redirect) {
        if (organizations.findVisible(id).isEmpty()) {
            throw new NotFoundException("organization");
        }
        // typed day first (dd/MM/yyyy) or ISO on the page; the service reads the API's ISO
        LocalDate typedDay = FormDates.readOrNull(assessedOn);
        SupplierAssessmentRequest request = new SupplierAssessmentRequest(
                supplier,
                typedDay == null ? assessedOn : typedDay.toString(),
                riskRating,
                dataProcessed,
                securityClause,
                securityClauseRef,
                incidentClause,
                incidentClauseRef,
                openIssues);
        String back = UriComponentsBuilder.fromPath("/organizations/{id}/suppliers/assess")
                .queryParam("supplier", supplier == null ? "" : supplier)
                .buildAndExpand(id)
                .encode()
                .toUriString();
        try {
            suppliers.assess(id, request);
            redirect.addFlashAttribute("message", text("supplierRisk.page.saved"));
        } catch (FieldProblemException e) {
            // each problem next to its field; one the form has no field for stays at the top
            Map<String, String> errors = new LinkedHashMap<>();
            List<String> others = new ArrayList<>();
            for (FieldProblemException.FieldProblem p : e.problems()) {
                String message = "supplierRisk.error.date".equals(p.messageKey())
                        ? text("supplierRisk.error.dateTyped", shownDay(assessedOn))
                        : text(p.messageKey(), p.args());
                if (FORM_FIELDS.contains(p.field())) {
                    errors.merge(p.field(), message, (a, b) -> a + " " + b);
                } else {
                    others.add(text("supplierRisk.field." + p.field()) + ": " + message);
                }
            }
            redirect.addFlashAttribute("errors", errors);
            if (!others.isEmpty()) {
                redirect.addFlashAttribute("error", String.join("; ", others));
            }
            redirect.addFlashAttribute("form", request);
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:" + back;
    }

    @PostMapping("/organizations/{id}/suppliers/tax-code")
    String taxCode(
            @PathVariable long id,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String taxCode,
            RedirectAttributes redirect) {
        if (organizations.findVisible(id).isEmpty()) {
            throw new NotFoundException("organization");
        }
        String name = supplier == null ? "" : supplier;
        try {
            SupplierRisk saved = suppliers.recordTaxCode(id, new SupplierTaxCodeRequest(supplier, taxCode));
            name = saved.name();
            redirect.addFlashAttribute(
                    "message",
                    saved.taxCode() == null
                            ? text("supplierRisk.taxCode.cleared")
                            : text(
                                    "supplierRisk.taxCode.saved",
                                    saved.taxCode(),
                                    saved.spellings().size()));
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute(
                    "taxCodeError",
                    String.join(
                            "; ",
                            e.problems().stream()
                                    .map(p -> text(p.messageKey(), p.args()))
                                    .toList()));
            redirect.addFlashAttribute("taxCodeValue", taxCode);
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/organizations/{id}/suppliers/assess")
                        .queryParam("supplier", name)
                        .buildAndExpand(id)
                        .encode()
                        .toUriString();
    }

    private String text(String key, @Nullable Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, LocaleContextHolder.getLocale()), key);
    }
}
