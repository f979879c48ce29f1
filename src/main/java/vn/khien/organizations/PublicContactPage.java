package vn.khien.organizations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The contact points organisations chose to publish, readable without signing in. */
@Controller
class PublicContactPage {
    private final OrganizationRepository repository;

    public PublicContactPage(OrganizationRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/public/contacts")
    String contacts(Model model) {
        model.addAttribute("organizations", repository.findPublishedContacts());
        return "public/contacts";
    }
}
