package vn.khien.identity.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * The access-review duty (R49, UNCONFIRMED; ADR 0039) per organisation. A closed review covers its quarter: it was met
 * on the day it closed (no later than the quarter's last day, so a review closed late does not cover the next
 * quarter too) and the next one is due by the end of the following quarter. An organisation never reviewed owes its
 * first review by the end of the quarter its oldest administrative grant was made in; one holding no administrative
 * grant has nothing to review: the engine reads that as NOT_APPLICABLE with the reason in words, never MET.
 */
@Component
class AccessReviewDuty implements DutySource {

    static final String KIND = "access-review";
    static final String NOTHING_TO_REVIEW = "no-administrative-grants";

    private final AccessReviewRepository reviews;
    private final AccessReviewService service;

    AccessReviewDuty(AccessReviewRepository reviews, AccessReviewService service) {
        this.reviews = reviews;
        this.service = service;
    }

    @Override
    public Set<String> rules() {
        return Set.of(service.rules().rule());
    }

    @Override
    public Map<Long, DutyEvidence> forOrganizations(String rule, Collection<Long> organizationIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if (!service.rules().rule().equals(rule) || organizationIds.isEmpty()) {
            return out;
        }
        Map<Long, AccessReviewRepository.Closed> closed = reviews.latestClosed(organizationIds);
        Map<Long, Instant> oldest = reviews.oldestAdministrativeGrant(
                organizationIds, service.rules().administrativeRoleNames());
        LocalDate today = service.today();
        for (long org : organizationIds) {
            out.put(org, evidence(org, closed.get(org), oldest.get(org), today));
        }
        return out;
    }

    static DutyEvidence evidence(
            long organizationId,
            AccessReviewRepository.@Nullable Closed closed,
            @Nullable Instant oldestGrant,
            LocalDate today) {
        String page = "/organizations/" + organizationId + "/access-reviews";
        if (oldestGrant == null) {
            return DutyEvidence.nothingToProve(NOTHING_TO_REVIEW, page);
        }
        if (closed != null) {
            Quarter covered = Quarter.parse(closed.quarter());
            LocalDate closedOn = LocalDate.ofInstant(closed.closedAt(), Quarter.VN);
            LocalDate metOn = closedOn.isAfter(covered.end()) ? covered.end() : closedOn;
            return new DutyEvidence(metOn, covered.next().end(), KIND, closed.id(), "/access-reviews/" + closed.id());
        }
        LocalDate firstGrant = LocalDate.ofInstant(oldestGrant, Quarter.VN);
        return new DutyEvidence(null, Quarter.of(firstGrant).end(), KIND, null, page);
    }
}
