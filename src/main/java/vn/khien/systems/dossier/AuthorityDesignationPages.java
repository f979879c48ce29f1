package vn.khien.systems.dossier;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationService;
import vn.khien.platform.FieldProblemException;
import vn.khien.systems.classification.RegimeCatalog;
import vn.khien.systems.classification.authority.AuthorityRole;
import vn.khien.systems.register.ProblemMessages;

/**
 * Who plays the owner's security unit, the national competent body, the independent appraiser and the Prime Minister
 * for the systems owned in a branch of the tree. Everyone in scope reads; organisation administrators of the branch
 * designate and remove.
 */
@Controller
class AuthorityDesignationPages {

    private final AuthorityDirectory directory;
    private final OrganizationService organizations;
    private final OrgScope scope;
    private final ProblemMessages problems;
    private final RegimeCatalog regimes;

    public AuthorityDesignationPages(
            AuthorityDirectory directory,
            OrganizationService organizations,
            OrgScope scope,
            ProblemMessages problems,
            RegimeCatalog regimes) {
        this.regimes = regimes;
        this.directory = directory;
        this.organizations = organizations;
        this.scope = scope;
        this.problems = problems;
    }

    @GetMapping("/authority-designations")
    String list(@RequestParam(required = false) Long organizationId, Model model) {
        List<Organization> visible = organizations.visible();
        Long selected = organizationId != null
                ? organizationId
                : visible.isEmpty() ? null : visible.get(0).id();
        model.addAttribute("organizations", visible);
        model.addAttribute("roles", AuthorityDirectory.DESIGNATED_ROLES);
        model.addAttribute("regimes", regimes.all());
        model.addAttribute("selectedId", selected);
        if (selected != null) {
            model.addAttribute("selected", organizations.get(selected));
            model.addAttribute("designations", directory.forSubtree(selected));
            model.addAttribute("canManage", scope.can(selected, Capability.MANAGE_ORGANIZATIONS));
            model.addAttribute(
                    "manageable",
                    visible.stream()
                            .filter(o -> scope.can(o.id(), Capability.MANAGE_ORGANIZATIONS))
                            .toList());
        } else {
            model.addAttribute("designations", List.of());
            model.addAttribute("canManage", false);
            model.addAttribute("manageable", List.of());
        }
        return "systems/designations";
    }

    @PostMapping("/authority-designations")
    String designate(
            @RequestParam(required = false) Long scopeOrganizationId,
            @RequestParam(required = false) AuthorityRole role,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String regime,
            RedirectAttributes redirect) {
        try {
            if (scopeOrganizationId == null) {
                throw new FieldProblemException("scopeOrganizationId", "validation.required");
            }
            if (organizationId == null) {
                throw new FieldProblemException("organizationId", "validation.required");
            }
            directory.designate(scopeOrganizationId, role, organizationId, regime);
            redirect.addFlashAttribute("notice", problems.text("designations.saved"));
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("errors", problems.of(e));
        }
        return scopeOrganizationId == null
                ? "redirect:/authority-designations"
                : "redirect:/authority-designations?organizationId=" + scopeOrganizationId;
    }

    @PostMapping("/authority-designations/{id}/remove")
    String remove(
            @PathVariable long id, @RequestParam(required = false) Long organizationId, RedirectAttributes redirect) {
        directory.remove(id);
        redirect.addFlashAttribute("notice", problems.text("designations.removed"));
        return organizationId == null
                ? "redirect:/authority-designations"
                : "redirect:/authority-designations?organizationId=" + organizationId;
    }
}
