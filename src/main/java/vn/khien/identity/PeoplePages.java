package vn.khien.identity;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.FormErrors;

@Controller
@RequestMapping("/users")
class PeoplePages {

    private final PeopleService people;
    private final OrganizationService organizations;
    private final OrgScope scope;

    private final MessageSource messages;

    public PeoplePages(
            PeopleService people, OrganizationService organizations, OrgScope scope, MessageSource messages) {
        this.people = people;
        this.organizations = organizations;
        this.scope = scope;
        this.messages = messages;
    }

    private String text(String key, Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, LocaleContextHolder.getLocale()), key);
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
        return show(id, model, null, null, null);
    }

    /** The person's page; after a refused grant, the role and organisation chosen and the reason next to them. */
    private String show(
            long id, Model model, @Nullable Role role, @Nullable Long organizationId, @Nullable String grantError) {
        model.addAttribute("person", people.get(id));
        List<RoleGrant> grants = people.grantsVisibleOf(id);
        model.addAttribute("grants", grants);
        // only the grants this person may revoke carry the button (the service checks again)
        model.addAttribute(
                "revocable",
                grants.stream()
                        .filter(g -> scope.can(
                                g.organizationId(),
                                g.role() == Role.PLATFORM_ADMIN ? Capability.MANAGE_PLATFORM : Capability.MANAGE_USERS))
                        .map(RoleGrant::id)
                        .collect(Collectors.toSet()));
        model.addAttribute("grantable", grantable());
        model.addAttribute("chosenRole", role);
        model.addAttribute("chosenOrganization", organizationId);
        model.addAttribute("grantError", grantError);
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
    String grant(
            @PathVariable long id,
            @RequestParam Role role,
            @RequestParam long organizationId,
            Model model,
            HttpServletResponse response) {
        try {
            people.grant(id, organizationId, role);
            return "redirect:/users/" + id;
        } catch (FieldProblemException e) {
            FieldProblemException.FieldProblem p = e.problems().get(0);
            response.setStatus(422);
            return show(id, model, role, organizationId, text(p.messageKey(), p.args()));
        } catch (ForbiddenActionException e) {
            response.setStatus(403);
            return show(id, model, role, organizationId, text(e.messageKey()));
        }
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
