package vn.khien.identity.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.access.Role;
import vn.khien.platform.FieldProblemException;

/** The access review's steps on the domain object (ADR 0039), and its rule data. */
class AccessReviewWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final long LEADER = 100;

    private static AccessReview.Item grant(long grantId, long personId, Role role) {
        return new AccessReview.Item(
                grantId,
                grantId,
                personId,
                "u" + personId,
                "Người " + personId,
                role,
                NOW.minusSeconds(86_400),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static AccessReview review() {
        AccessReview opened = AccessReview.open(
                7,
                Quarter.of(LocalDate.of(2026, 12, 7)),
                List.of(grant(1, 11, Role.ORG_ADMIN), grant(2, 12, Role.ORG_ADMIN), grant(3, LEADER, Role.ORG_ADMIN)),
                LEADER,
                NOW);
        return withId(opened, 5);
    }

    private static AccessReview withId(AccessReview r, long id) {
        return new AccessReview(
                id,
                r.organizationId(),
                r.quarter(),
                r.periodStart(),
                r.periodEnd(),
                r.status(),
                r.openedBy(),
                r.openedAt(),
                r.closedBy(),
                r.closedAt(),
                r.items());
    }

    private static AccessReview withItems(AccessReview r, List<AccessReview.Item> items) {
        return new AccessReview(
                r.id(),
                r.organizationId(),
                r.quarter(),
                r.periodStart(),
                r.periodEnd(),
                r.status(),
                r.openedBy(),
                r.openedAt(),
                r.closedBy(),
                r.closedAt(),
                items);
    }

    private static String key(Throwable e) {
        FieldProblemException.FieldProblem p =
                ((FieldProblemException) e).problems().get(0);
        return p.field() + ":" + p.messageKey();
    }

    @Test
    void openingCoversTheQuarterWithEveryGrantUndecided() {
        AccessReview r = review();
        assertThat(r.status()).isEqualTo(AccessReview.Status.OPEN);
        assertThat(r.quarter()).isEqualTo("2026-Q4");
        assertThat(r.periodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(r.periodEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(r.undecided()).isEqualTo(3);
    }

    @Test
    void aGrantIsConfirmedOrRevokedWithAReasonOnceAndNeverByItsHolder() {
        AccessReview r = review();
        AccessReview.Item confirmed = r.decide(1, "CONFIRM", " ", LEADER, "lead", NOW);
        assertThat(confirmed.decision()).isEqualTo(AccessReview.Decision.CONFIRM);
        assertThat(confirmed.reason()).isNull();
        assertThat(confirmed.decidedByUsername()).isEqualTo("lead");

        assertThatThrownBy(() -> r.decide(2, "REVOKE", "  ", LEADER, "lead", NOW))
                .satisfies(e -> assertThat(key(e)).isEqualTo("reason:accessReview.error.reasonRequired"));
        AccessReview.Item revoked = r.decide(2, "REVOKE", " Đã nghỉ việc ", LEADER, "lead", NOW);
        assertThat(revoked.decision()).isEqualTo(AccessReview.Decision.REVOKE);
        assertThat(revoked.reason()).isEqualTo("Đã nghỉ việc");

        assertThatThrownBy(() -> r.decide(2, "MAYBE", null, LEADER, "lead", NOW))
                .satisfies(e -> assertThat(key(e)).isEqualTo("decision:accessReview.error.decision"));
        assertThatThrownBy(() -> r.decide(9, "CONFIRM", null, LEADER, "lead", NOW))
                .satisfies(e -> assertThat(key(e)).isEqualTo("grantId:accessReview.error.unknownGrant"));
        assertThatThrownBy(() -> r.decide(3, "CONFIRM", null, LEADER, "lead", NOW))
                .satisfies(e -> assertThat(key(e)).isEqualTo("grantId:accessReview.error.ownGrant"));
        assertThatThrownBy(() -> r.decide(1, "REVOKE", "x".repeat(2001), LEADER, "lead", NOW))
                .satisfies(e -> assertThat(key(e)).isEqualTo("reason:accessReview.error.tooLong"));

        AccessReview after = withItems(r, List.of(confirmed, revoked, r.items().get(2)));
        assertThatThrownBy(() -> after.decide(1, "REVOKE", "đổi ý", LEADER, "lead", NOW))
                .satisfies(e -> assertThat(key(e)).isEqualTo("grantId:accessReview.error.decided"));
    }

    @Test
    void aReviewClosesOnlyWhenEveryGrantIsDecidedAndThenTakesNoMoreSteps() {
        AccessReview r = review();
        AccessReview.Item a = r.decide(1, "CONFIRM", null, LEADER, "lead", NOW);
        AccessReview.Item b = r.decide(2, "REVOKE", "Không còn nhiệm vụ", LEADER, "lead", NOW);
        AccessReview partly = withItems(r, List.of(a, b, r.items().get(2)));
        assertThatThrownBy(() -> partly.close(LEADER, NOW))
                .satisfies(e -> assertThat(key(e)).isEqualTo("items:accessReview.error.undecided"));
        AccessReview.Item c = partly.decide(3, "CONFIRM", null, 200, "above", NOW);
        AccessReview closed = withItems(r, List.of(a, b, c)).close(LEADER, NOW);
        assertThat(closed.status()).isEqualTo(AccessReview.Status.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> closed.close(LEADER, NOW))
                .satisfies(e -> assertThat(key(e)).isEqualTo("status:accessReview.error.closed"));
        assertThatThrownBy(() -> closed.decide(1, "REVOKE", "x", LEADER, "lead", NOW))
                .satisfies(e -> assertThat(key(e)).isEqualTo("status:accessReview.error.closed"));
    }

    @Test
    void quartersFollowTheCalendar() {
        assertThat(Quarter.of(LocalDate.of(2026, 3, 31)).code()).isEqualTo("2026-Q1");
        assertThat(Quarter.of(LocalDate.of(2026, 4, 1)).code()).isEqualTo("2026-Q2");
        assertThat(Quarter.parse("2026-Q4").next().code()).isEqualTo("2027-Q1");
        assertThat(Quarter.parse("2026-Q4").next().end()).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void theRuleDataNamesTheAdministrativeAndReviewerRolesWithTheirSources() {
        AccessReviewRules rules = AccessReviewRules.loadDefault();
        assertThat(rules.administrativeRoles()).containsExactlyInAnyOrder(Role.PLATFORM_ADMIN, Role.ORG_ADMIN);
        assertThat(rules.reviewerRoles()).containsExactly(Role.LEADER);
        assertThat(rules.rule()).isEqualTo("R49");
        assertThatThrownBy(() ->
                        AccessReviewRules.load(new StringReader("rule: R49\nadministrativeRoles: [{role: ORG_ADMIN}]\n"
                                + "reviewerRoles: [{role: LEADER, source: s}]\n")))
                .hasMessageContaining("needs a role and its source");
    }
}
