package vn.khien.systems.progress;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationService;
import vn.khien.platform.PlatformConfiguration;

@Controller
class ProgressPages {
    private final ProgressService service;
    private final OrganizationService organizations;

    public ProgressPages(ProgressService service, OrganizationService organizations) {
        this.service = service;
        this.organizations = organizations;
    }

    /** Without organizationId: the top of the caller's visible tree. */
    @GetMapping("/level-progress")
    String progress(@RequestParam(required = false) Long organizationId, Model model) {
        List<Organization> visible = organizations.visible();
        model.addAttribute("organizations", visible);
        model.addAttribute("today", LocalDate.now(PlatformConfiguration.ZONE));
        if (organizationId == null && !visible.isEmpty()) {
            organizationId = visible.stream()
                    .min(Comparator.comparingInt(Organization::depth))
                    .orElseThrow()
                    .id();
        }
        if (organizationId != null) {
            model.addAttribute("progress", service.of(organizationId));
        }
        return "systems/progress";
    }
}
