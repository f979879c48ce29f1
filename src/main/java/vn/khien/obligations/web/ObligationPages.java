package vn.khien.obligations.web;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.khien.access.Capability;
import vn.khien.access.OrgScope;
import vn.khien.access.Role;
import vn.khien.obligations.catalogue.Obligation;
import vn.khien.obligations.catalogue.ObligationEngine;
import vn.khien.obligations.catalogue.ObligationRule;
import vn.khien.obligations.status.ObligationService;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.platform.NotFoundException;

/** Obligations of a system, of an organisation, and the subtree matrix (children × rules, worst first). */
@Controller
class ObligationPages {

    /** What a person must hold where a duty lies to be offered "do it" rather than "view" (READ alone only views). */
    private static final Set<Capability> ACTING =
            EnumSet.of(Capability.EDIT_SECURITY_DATA, Capability.APPROVE, Capability.RESPOND_INCIDENTS);

    private final ObligationService obligations;
    private final OrganizationRepository organizations;
    private final OrgScope scope;

    ObligationPages(ObligationService obligations, OrganizationRepository organizations, OrgScope scope) {
        this.obligations = obligations;
        this.organizations = organizations;
        this.scope = scope;
    }

    /** The menu's entry: the matrix of the highest organisation the person sees. */
    @GetMapping("/obligations")
    String start() {
        Organization top = organizations.findAllVisible().stream()
                .min(Comparator.comparingInt(Organization::depth).thenComparing(Organization::path))
                .orElseThrow(() -> new NotFoundException("organization"));
        return "redirect:/organizations/" + top.id() + "/obligations/matrix";
    }

    @GetMapping("/systems/{id}/obligations")
    String system(@PathVariable long id, Model model) {
        ObligationService.SystemObligations result = obligations.forSystem(id);
        model.addAttribute("system", result.system());
        model.addAttribute("obligations", sorted(result.obligations()));
        model.addAttribute("noEvent", noEvent(result.obligations()));
        model.addAttribute("actOn", actingOn(result.obligations()));
        model.addAttribute("today", obligations.today());
        return "obligations/system";
    }

    @GetMapping("/organizations/{id}/obligations")
    String organization(@PathVariable long id, Model model) {
        ObligationService.OrganizationObligations result = obligations.forOrganization(id);
        model.addAttribute("organization", result.organization());
        model.addAttribute("obligations", sorted(result.obligations()));
        model.addAttribute("noEvent", noEvent(result.obligations()));
        model.addAttribute("actOn", actingOn(result.obligations()));
        model.addAttribute("today", obligations.today());
        return "obligations/organization";
    }

    @GetMapping("/organizations/{id}/obligations/matrix")
    String matrix(@PathVariable long id, Model model) {
        model.addAttribute("matrix", obligations.matrix(id));
        model.addAttribute("today", obligations.today());
        return "obligations/matrix";
    }

    /**
     * The organisations of these duties where the caller holds a role that acts (an auditor or an administrator reads
     * the duty and where it is done, and is not told to do it).
     */
    private Set<Long> actingOn(List<Obligation> list) {
        return list.stream()
                .map(o -> o.subject().organizationId())
                .distinct()
                .filter(org -> scope.rolesOn(org).stream().anyMatch(ObligationPages::acts))
                .collect(Collectors.toSet());
    }

    private static boolean acts(Role role) {
        return ACTING.stream().anyMatch(role::has);
    }

    /**
     * The duties owed only when an event arises (an incident, a warning, an inspection) of which none has: listed
     * apart, so that the page says they have not arisen rather than hiding them or calling them met.
     */
    private static List<ObligationRule> noEvent(List<Obligation> list) {
        return list.stream()
                .filter(o -> ObligationEngine.NO_EVENT.equals(o.reason()))
                .map(Obligation::rule)
                .distinct()
                .sorted(Comparator.comparing(ObligationRule::id))
                .toList();
    }

    /** Worst first, then by rule; not-applicable duties last. */
    private static List<Obligation> sorted(List<Obligation> list) {
        return list.stream()
                .sorted(Comparator.comparing(Obligation::status)
                        .thenComparing(o -> o.rule().id())
                        .thenComparing(o -> o.subject().name()))
                .toList();
    }
}
