package vn.khien.systems.register;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationService;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.FormErrors;
import vn.khien.systems.SystemHubLinks;
import vn.khien.systems.classification.RegimeCatalog;
import vn.khien.systems.dossier.DossierService;
import vn.khien.systems.levels.ClassificationService;

@Controller
@RequestMapping("/systems")
class SystemPages {

    /** Systems per page of the register list (issue 15). */
    static final int PAGE_SIZE = 100;

    private final SystemService service;
    private final ClassificationService classifications;
    private final DossierService dossiers;
    private final OrganizationService organizations;
    private final OrgScope scope;
    private final RegimeCatalog regimes;
    private final ProblemMessages problems;
    private List<SystemHubLinks> hubLinks = List.of();

    /** Every module's entries on the system's hub (optional: a module that is not there contributes nothing). */
    @Autowired(required = false)
    void setHubLinks(List<SystemHubLinks> hubLinks) {
        this.hubLinks = hubLinks;
    }

    public SystemPages(
            SystemService service,
            ClassificationService classifications,
            DossierService dossiers,
            OrganizationService organizations,
            OrgScope scope,
            RegimeCatalog regimes,
            ProblemMessages problems) {
        this.service = service;
        this.classifications = classifications;
        this.dossiers = dossiers;
        this.organizations = organizations;
        this.scope = scope;
        this.regimes = regimes;
        this.problems = problems;
    }

    @ModelAttribute
    void enums(Model model) {
        model.addAttribute("systemTypes", SystemType.values());
        model.addAttribute("lifecycles", LifecycleStatus.values());
        model.addAttribute("hostingKinds", HostingKind.values());
        model.addAttribute("infoKinds", InformationKind.values());
        model.addAttribute("componentKinds", ComponentKind.values());
        model.addAttribute("supplierAccesses", SupplierAccess.values());
        model.addAttribute("regimes", regimes.all());
    }

    @GetMapping
    String list(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false) LifecycleStatus status,
            @RequestParam(required = false) String regime,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        SystemSearch search = new SystemSearch(organizationId, q, level, status, regime);
        model.addAttribute("search", search);
        int pageNo = Math.max(0, page);
        List<InformationSystem> systems = service.searchPage(search, pageNo, PAGE_SIZE);
        boolean more = systems.size() > PAGE_SIZE;
        model.addAttribute("systems", more ? systems.subList(0, PAGE_SIZE) : systems);
        model.addAttribute("pageNo", pageNo);
        model.addAttribute("more", more);
        model.addAttribute("firstShown", (long) pageNo * PAGE_SIZE + 1);
        model.addAttribute("organizations", organizations.visible());
        return "systems/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        InformationSystem s = service.record(id);
        model.addAttribute("system", s);
        model.addAttribute("dossiers", dossiers.forSystem(id));
        // A body its dossiers were submitted to reads the register record and those dossiers only (ADR 0012).
        boolean full = service.readsEverything(id);
        model.addAttribute("full", full);
        if (!full) {
            model.addAttribute("canEdit", false);
            model.addAttribute("canSeeOwner", false);
            return "systems/show";
        }
        model.addAttribute("canEdit", service.canEdit(s));
        model.addAttribute("decidesHosting", service.decidesHosting(s));
        model.addAttribute("components", service.components(id));
        model.addAttribute("suppliers", service.suppliers(id));
        model.addAttribute("classifications", classifications.history(id));
        model.addAttribute("criticalList", dossiers.criticalList(id));
        model.addAttribute(
                "hub",
                hubLinks.stream()
                        .flatMap(h -> h.linksFor(id).stream())
                        .sorted(Comparator.comparingInt(SystemHubLinks.Link::order))
                        .toList());
        // The designations page is about the owner's subtree: offered only to whoever can see the owner (issue 9).
        model.addAttribute("canSeeOwner", scope.canSee(s.ownerOrganizationId()));
        if (!model.containsAttribute("component")) {
            ComponentRequest c = new ComponentRequest();
            c.setKind(ComponentKind.HOST);
            model.addAttribute("component", c);
        }
        if (!model.containsAttribute("supplier")) {
            model.addAttribute("supplier", new SupplierRequest());
        }
        return "systems/show";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long organizationId, Model model) {
        SystemRequest form = new SystemRequest();
        form.setOwnerOrganizationId(organizationId);
        form.setOperatorOrganizationId(organizationId);
        return form(model, form, null);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") SystemRequest form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                return "redirect:/systems/" + service.create(form).id();
            } catch (FieldProblemException e) {
                FormErrors.bind(e, result);
            }
        }
        return form(model, form, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        InformationSystem s = service.get(id);
        if (!service.canEdit(s)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        SystemRequest form = SystemRequest.of(s);
        if (s.proposedHostingKind() != null && service.editsAsOperatorOnly(s)) {
            // The operator sees its own proposal, which it may change, not the kind it already proposed to replace.
            form.setHostingKind(s.proposedHostingKind());
        }
        return form(model, form, id);
    }

    @PostMapping("/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") SystemRequest form,
            BindingResult result,
            Model model) {
        service.get(id);
        if (!result.hasErrors()) {
            try {
                service.update(id, form);
                return "redirect:/systems/" + id;
            } catch (FieldProblemException e) {
                FormErrors.bind(e, result);
            }
        }
        return form(model, form, id);
    }

    /** The owner confirms the hosting kind its operator proposed (ADR 0057). */
    @PostMapping("/{id}/hosting-proposal/confirm")
    String confirmHostingKind(@PathVariable long id, RedirectAttributes redirect) {
        return decideHostingKind(id, () -> service.confirmHostingKind(id), redirect);
    }

    /** The owner declines it: the declared hosting kind stays. */
    @PostMapping("/{id}/hosting-proposal/decline")
    String declineHostingKind(@PathVariable long id, RedirectAttributes redirect) {
        return decideHostingKind(id, () -> service.declineHostingKind(id), redirect);
    }

    private String decideHostingKind(long id, Runnable decision, RedirectAttributes redirect) {
        try {
            decision.run();
        } catch (FieldProblemException e) {
            // Decided meanwhile (by someone else, or in another tab): the page says so instead of failing.
            redirect.addFlashAttribute("hostingProblem", e.problems().get(0).messageKey());
        }
        return "redirect:/systems/" + id + "#hosting";
    }

    @PostMapping("/{id}/components")
    String addComponent(
            @PathVariable long id,
            @Valid @ModelAttribute("component") ComponentRequest component,
            BindingResult result,
            Model model) {
        service.get(id);
        if (!result.hasErrors()) {
            try {
                service.addComponent(id, component);
                return "redirect:/systems/" + id + "#components";
            } catch (FieldProblemException e) {
                FormErrors.bind(e, result);
            }
        }
        // The page again, as it was, with what was typed and each error at its field (issue 9).
        return show(id, model);
    }

    @PostMapping("/{id}/components/{componentId}/remove")
    String removeComponent(@PathVariable long id, @PathVariable long componentId) {
        service.removeComponent(id, componentId);
        return "redirect:/systems/" + id + "#components";
    }

    @PostMapping("/{id}/suppliers")
    String addSupplier(
            @PathVariable long id,
            @Valid @ModelAttribute("supplier") SupplierRequest supplier,
            BindingResult result,
            Model model) {
        service.get(id);
        if (!result.hasErrors()) {
            try {
                service.addSupplier(id, supplier);
                return "redirect:/systems/" + id + "#suppliers";
            } catch (FieldProblemException e) {
                FormErrors.bind(e, result);
            }
        }
        return show(id, model);
    }

    private String form(Model model, SystemRequest form, @Nullable Long id) {
        List<Organization> visible = organizations.visible();
        model.addAttribute("form", form);
        model.addAttribute("systemId", id);
        // An operator outside the owner's side sees the owner's facts, carried unchanged, and edits how it is run.
        InformationSystem editing = id == null ? null : service.get(id);
        model.addAttribute("operatorOnly", editing != null && service.editsAsOperatorOnly(editing));
        // The operator proposes a hosting kind; the page shows what the owner declared and what waits (ADR 0057).
        model.addAttribute("declaredHostingKind", editing == null ? null : editing.hostingKind());
        model.addAttribute("proposedHostingKind", editing == null ? null : editing.proposedHostingKind());
        model.addAttribute(
                "owners",
                visible.stream()
                        .filter(o -> scope.can(o.id(), Capability.EDIT_SECURITY_DATA)
                                || (form.getOwnerOrganizationId() != null && o.id() == form.getOwnerOrganizationId()))
                        .toList());
        // Beyond the caller's subtree only published providers and the operator now (issue 10), never other names.
        List<OperatorChoice> operators = new ArrayList<>(visible.stream()
                .map(o -> new OperatorChoice(o.id(), o.code(), o.nameVi()))
                .toList());
        Set<Long> listed =
                new HashSet<>(operators.stream().map(OperatorChoice::id).toList());
        service.operatorChoicesBeyondScope(id).stream()
                .filter(c -> listed.add(c.id()))
                .forEach(operators::add);
        model.addAttribute("operators", operators);
        return "systems/form";
    }
}
