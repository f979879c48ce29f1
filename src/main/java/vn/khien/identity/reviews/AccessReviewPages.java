package vn.khien.identity.reviews;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;

/**
 * An organisation's access reviews (the place where R49 is done) and one review: each administrative grant with the
 * person, role, when and by whom it was granted, the last sign-in and links to the person's audit trail, and for the
 * reviewer a confirm/revoke form per grant and the close button.
 */
@Controller
class AccessReviewPages {

    private final AccessReviewService reviews;
    private final OrgScope scope;
    private final MessageSource messages;

    AccessReviewPages(AccessReviewService reviews, OrgScope scope, MessageSource messages) {
        this.reviews = reviews;
        this.scope = scope;
        this.messages = messages;
    }

    @GetMapping("/organizations/{id}/access-reviews")
    String list(@PathVariable long id, Model model) {
        model.addAttribute("organization", reviews.organization(id));
        model.addAttribute("reviews", reviews.ofOrganization(id));
        model.addAttribute("grants", reviews.administrativeGrants(id));
        model.addAttribute("quarter", reviews.currentQuarter());
        model.addAttribute("currentReviewId", reviews.currentReviewId(id));
        model.addAttribute("mayReview", reviews.mayReview(id));
        model.addAttribute("canReadAudit", scope.can(id, Capability.READ_AUDIT));
        return "access-reviews/list";
    }

    @PostMapping("/organizations/{id}/access-reviews")
    String open(@PathVariable long id, RedirectAttributes redirect) {
        reviews.organization(id);
        try {
            long review = reviews.open(id).id();
            redirect.addFlashAttribute("message", text("accessReview.page.opened"));
            return "redirect:/access-reviews/" + review;
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("error", problems(e));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:/organizations/" + id + "/access-reviews";
    }

    @GetMapping("/access-reviews/{id}")
    String show(@PathVariable long id, Model model) {
        AccessReview review = reviews.get(id);
        model.addAttribute("review", review);
        model.addAttribute("quarter", review.period());
        model.addAttribute("organization", reviews.organization(review.organizationId()));
        model.addAttribute("mayReview", reviews.mayReview(review.organizationId()));
        model.addAttribute("canReadAudit", scope.can(review.organizationId(), Capability.READ_AUDIT));
        model.addAttribute("me", CurrentPerson.idOrNobody());
        return "access-reviews/show";
    }

    @PostMapping("/access-reviews/{id}/decisions")
    String decide(
            @PathVariable long id,
            @RequestParam(required = false) Long grantId,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        reviews.get(id);
        try {
            if (grantId == null) {
                throw new FieldProblemException("grantId", "validation.required");
            }
            reviews.decide(id, grantId, decision, reason);
            redirect.addFlashAttribute(
                    "message",
                    text("REVOKE".equals(decision) ? "accessReview.page.revoked" : "accessReview.page.confirmed"));
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("error", problems(e));
            redirect.addFlashAttribute("failedGrant", grantId);
            redirect.addFlashAttribute("failedReason", reason);
            redirect.addFlashAttribute("failedDecision", decision);
            // next to the row the field is evident: the message alone, without the field's name
            redirect.addFlashAttribute(
                    "decisionError",
                    String.join(
                            " ",
                            e.problems().stream()
                                    .map(p -> text(p.messageKey(), p.args()))
                                    .toList()));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:/access-reviews/" + id;
    }

    @PostMapping("/access-reviews/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        reviews.get(id);
        try {
            reviews.close(id);
            redirect.addFlashAttribute("message", text("accessReview.page.closed"));
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("error", problems(e));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:/access-reviews/" + id;
    }

    private String problems(FieldProblemException e) {
        return String.join(
                "; ",
                e.problems().stream()
                        .map(p -> text("accessReview.field." + p.field()) + ": " + text(p.messageKey(), p.args()))
                        .toList());
    }

    private String text(String key, Object... args) {
        String text = messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
        return text == null ? key : text;
    }
}
