package vn.khien.identity.reviews;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.access.PersonPrincipal;
import vn.khien.access.Role;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.organizations.Organization;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/**
 * Quarterly access reviews (Chỉ thị 2634/CT-VPCP; ADR 0039). Who may act is the review rule
 * ({@code rules/identity/access-reviews.yaml}): a reviewer role (the head of the unit, LEADER) held on the
 * organisation or above it opens the quarter's review, decides each administrative grant and closes the review; a
 * revocation removes the grant here, in the review's transaction, without MANAGE_USERS. Every step is audited.
 */
@Service
class AccessReviewService {

    private final AccessReviewRepository reviews;
    private final OrganizationRepository organizations;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccessReviewRules rules = AccessReviewRules.loadDefault();

    AccessReviewService(
            AccessReviewRepository reviews,
            OrganizationRepository organizations,
            OrgScope scope,
            AuditTrail audit,
            Clock clock) {
        this.reviews = reviews;
        this.organizations = organizations;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    AccessReviewRules rules() {
        return rules;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Quarter.VN));
    }

    Quarter currentQuarter() {
        return Quarter.of(today());
    }

    /** Whether the caller may open, decide and close this organisation's reviews (the head of it or above). */
    boolean mayReview(long organizationId) {
        return scope.rolesOn(organizationId).stream().anyMatch(rules.reviewerRoles()::contains);
    }

    Organization organization(long organizationId) {
        return organizations.findVisible(organizationId).orElseThrow(() -> new NotFoundException("organization"));
    }

    @Transactional(readOnly = true)
    public List<AccessReviewSummary> ofOrganization(long organizationId) {
        organization(organizationId);
        return reviews.ofOrganization(organizationId);
    }

    /** The administrative grants held on the organisation now (what a review opened today would cover). */
    @Transactional(readOnly = true)
    public List<AccessReview.Item> administrativeGrants(long organizationId) {
        organization(organizationId);
        return reviews.administrativeGrants(organizationId, rules.administrativeRoleNames());
    }

    @Transactional(readOnly = true)
    public @Nullable Long currentReviewId(long organizationId) {
        return reviews.idOf(organizationId, currentQuarter().code()).orElse(null);
    }

    @Transactional(readOnly = true)
    public AccessReview get(long id) {
        return reviews.findVisible(id).orElseThrow(() -> new NotFoundException("access-review"));
    }

    /** Opens the current quarter's review of the organisation over the administrative grants held on it. */
    @Transactional
    public AccessReview open(long organizationId) {
        organization(organizationId);
        PersonPrincipal me = reviewer(organizationId);
        Quarter quarter = currentQuarter();
        if (reviews.idOf(organizationId, quarter.code()).isPresent()) {
            throw new FieldProblemException("organizationId", "accessReview.error.exists", quarter.code());
        }
        List<AccessReview.Item> grants = reviews.administrativeGrants(organizationId, rules.administrativeRoleNames());
        AccessReview review = AccessReview.open(organizationId, quarter, grants, me.personId(), clock.instant());
        long id = reviews.open(review);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("quarter", quarter.code());
        details.put("grants", grants.stream().map(AccessReview.Item::grantId).toList());
        details.put("rules", rules.version());
        audit.record(AuditEntry.of("ACCESS_REVIEW_OPENED", organizationId, "access_review", id)
                .with(details));
        return get(id);
    }

    /**
     * Confirms or revokes one grant under review. A revocation deletes the grant in the same transaction and is
     * audited as ROLE_REVOKED, like a revocation from the person's page, naming the review and the reason.
     */
    @Transactional
    public AccessReview decide(long id, long grantId, @Nullable String decision, @Nullable String reason) {
        AccessReview review = get(id);
        PersonPrincipal me = reviewer(review.organizationId());
        Instant now = clock.instant();
        AccessReview.Item decided = review.decide(grantId, decision, reason, me.personId(), me.username(), now);
        boolean removed = false;
        if (decided.decision() == AccessReview.Decision.REVOKE) {
            if (decided.role() == Role.PLATFORM_ADMIN
                    && reviews.grantHeld(grantId)
                    && reviews.grantsOfRole(Role.PLATFORM_ADMIN) <= 1) {
                throw new FieldProblemException("grantId", "accessReview.error.lastPlatformAdmin");
            }
            removed = reviews.revokeGrant(grantId, review.organizationId()) == 1;
            if (removed) {
                Map<String, Object> before = new LinkedHashMap<>();
                before.put("role", decided.role().name());
                before.put("organizationId", review.organizationId());
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("before", before);
                details.put("accessReview", id);
                details.put("reason", decided.reason());
                audit.record(AuditEntry.of("ROLE_REVOKED", review.organizationId(), "person", decided.personId())
                        .with(details));
            }
        } else if (!reviews.grantHeld(grantId)) {
            throw new FieldProblemException("grantId", "accessReview.error.grantGone");
        }
        if (!reviews.decide(id, decided)) {
            throw new FieldProblemException("grantId", "accessReview.error.decided");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("grantId", grantId);
        details.put("person", decided.username());
        details.put("role", decided.role().name());
        details.put("decision", String.valueOf(decided.decision()));
        if (decided.reason() != null) {
            details.put("reason", decided.reason());
        }
        if (decided.decision() == AccessReview.Decision.REVOKE) {
            details.put("grantRemoved", removed);
        }
        audit.record(AuditEntry.of("ACCESS_REVIEW_DECIDED", review.organizationId(), "access_review", id)
                .with(details));
        return get(id);
    }

    /** Closes the review once every grant is decided: the evidence of the quarter's duty. */
    @Transactional
    public AccessReview close(long id) {
        AccessReview review = get(id);
        PersonPrincipal me = reviewer(review.organizationId());
        AccessReview closed = review.close(me.personId(), clock.instant());
        if (!reviews.close(closed)) {
            throw new FieldProblemException("status", "accessReview.error.closed");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("quarter", closed.quarter());
        details.put(
                "confirmed",
                closed.items().stream()
                        .filter(i -> i.decision() == AccessReview.Decision.CONFIRM)
                        .count());
        details.put(
                "revoked",
                closed.items().stream()
                        .filter(i -> i.decision() == AccessReview.Decision.REVOKE)
                        .count());
        audit.record(AuditEntry.of("ACCESS_REVIEW_CLOSED", review.organizationId(), "access_review", id)
                .with(details));
        return get(id);
    }

    /** Organisations the caller heads whose review of this quarter is still to open or to close. */
    @Transactional(readOnly = true)
    public List<AccessReviewRepository.Due> dueForCaller() {
        return reviews.dueForCaller(
                currentQuarter().code(), rules.reviewerRoleNames(), rules.administrativeRoleNames());
    }

    private PersonPrincipal reviewer(long organizationId) {
        PersonPrincipal me = CurrentPerson.principal().orElseThrow(() -> new NotFoundException("access-review"));
        if (!mayReview(organizationId)) {
            throw new ForbiddenActionException("accessReview.error.forbidden");
        }
        return me;
    }
}
