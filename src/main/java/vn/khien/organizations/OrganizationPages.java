package vn.khien.organizations;

import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FormErrors;

@Controller
@RequestMapping("/organizations")
class OrganizationPages {

    private final OrganizationService service;
    private final OrgScope scope;

    public OrganizationPages(OrganizationService service, OrgScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @ModelAttribute("kinds")
    OrgKind[] kinds() {
        return OrgKind.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("organizations", service.visible());
        return "organizations/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Organization org = service.get(id);
        model.addAttribute("org", org);
        model.addAttribute(
                "children",
                service.visible().stream()
                        .filter(o -> o.parentId() != null && o.parentId() == id)
                        .toList());
        model.addAttribute("canManage", scope.can(id, Capability.MANAGE_ORGANIZATIONS));
        model.addAttribute(
                "canEditContact",
                scope.can(id, Capability.EDIT_CONTACT_POINT) || scope.can(id, Capability.MANAGE_ORGANIZATIONS));
        return "organizations/show";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long parentId, Model model) {
        OrganizationForm form = new OrganizationForm();
        form.setParentId(parentId);
        form.setKind(OrgKind.UNIT);
        return form(model, form, null);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") OrganizationForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                return "redirect:/organizations/" + service.create(form).id();
            } catch (FieldProblemException e) {
                FormErrors.bind(e, result);
            }
        }
        return form(model, form, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, OrganizationForm.of(service.get(id)), id);
    }

    @PostMapping("/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") OrganizationForm form,
            BindingResult result,
            Model model) {
        if (!result.hasErrors()) {
            try {
                service.update(id, form);
                return "redirect:/organizations/" + id;
            } catch (FieldProblemException e) {
                FormErrors.bind(e, result);
            }
        }
        return form(model, form, id);
    }

    private String form(Model model, OrganizationForm form, @Nullable Long id) {
        List<Organization> parents = service.visible().stream()
                .filter(o -> scope.can(o.id(), Capability.MANAGE_ORGANIZATIONS)
                        || (form.getParentId() != null && o.id() == form.getParentId()))
                .toList();
        model.addAttribute("form", form);
        model.addAttribute("orgId", id);
        model.addAttribute("parents", parents);
        return "organizations/form";
    }
}
