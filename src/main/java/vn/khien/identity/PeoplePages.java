package vn.khien.identity;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
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
import vn.khien.access.Role;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationService;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FormErrors;

@Controller
@RequestMapping("/users")
class PeoplePages {

    private final PeopleService people;
    private final OrganizationService organizations;
    private final OrgScope scope;

    public PeoplePages(PeopleService people, OrganizationService organizations, OrgScope scope) {
        this.people = people;
        this.organizations = organizations;
        this.scope = scope;
    }

    /** Only the roles this person may grant: the platform administrator role only to platform administrators. */
    @ModelAttribute("roles")
    Role[] roles() {
        return scope.isPlatformAdmin()
                ? Role.values()
                : Arrays.stream(Role.values())
                        .filter(r -> r != Role.PLATFORM_ADMIN)
                        .toArray(Role[]::new);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("people", people.visible());
        return "users/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("person", people.get(id));
        model.addAttribute("grants", people.grantsVisibleOf(id));
        model.addAttribute("grantable", grantable());
        return "users/show";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long organizationId, Model model) {
        NewPersonRequest form = new NewPersonRequest();
        form.getRoles().add(new NewPersonRequest.RoleRequest(Role.SECURITY_OFFICER, organizationId));
        return form(model, form);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") NewPersonRequest form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                return "redirect:/users/" + people.create(form).id();
            } catch (FieldProblemException e) {
                FormErrors.bind(e, result);
            }
        }
        return form(model, form);
    }

    @PostMapping("/{id}/roles")
    String grant(@PathVariable long id, @RequestParam Role role, @RequestParam long organizationId) {
        people.grant(id, organizationId, role);
        return "redirect:/users/" + id;
    }

    @PostMapping("/{id}/roles/{grantId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long grantId) {
        people.revoke(id, grantId);
        return "redirect:/users/" + id;
    }

    private String form(Model model, NewPersonRequest form) {
        model.addAttribute("form", form);
        model.addAttribute("grantable", grantable());
        return "users/form";
    }

    private List<Organization> grantable() {
        return organizations.visible().stream()
                .filter(o -> scope.can(o.id(), Capability.MANAGE_USERS))
                .toList();
    }
}
