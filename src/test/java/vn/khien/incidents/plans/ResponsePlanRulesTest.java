package vn.khien.incidents.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.khien.platform.FieldProblemException;

/** The outlines as rule data and the plan's workflow steps, without a database. */
class ResponsePlanRulesTest {

    static final PlanOutlines OUTLINES = PlanOutlines.loadDefault();
    static final Instant T = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    void theOutlineFollowsTheLevelAndContinuityIsAlwaysMandatory() {
        assertThat(OUTLINES.forLevel(4).id()).isEqualTo("qd05-pl2");
        assertThat(OUTLINES.forLevel(5).id()).isEqualTo("qd05-pl2");
        assertThat(OUTLINES.forLevel(3).id()).isEqualTo("tt20-pl3");
        assertThat(OUTLINES.forLevel(1).id()).isEqualTo("tt20-pl3");
        assertThat(OUTLINES.forLevel(null).id())
                .as("not approved yet: the default outline")
                .isEqualTo("tt20-pl3");
        for (PlanOutlines.Outline o : OUTLINES.all()) {
            assertThat(o.legalRef()).isNotBlank();
            assertThat(o.section("continuity"))
                    .get()
                    .extracting(PlanOutlines.Section::mandatory)
                    .isEqualTo(true);
            assertThat(o.section("scenarios"))
                    .get()
                    .extracting(PlanOutlines.Section::mandatory)
                    .isEqualTo(true);
        }
        assertThat(OUTLINES.updateWithin()).isEqualTo(Period.ofDays(30));
        assertThat(OUTLINES.updateWithinChoice()).isTrue();
    }

    @Test
    void aDraftIsApprovedOnlyComplete_theApprovedPlanIsFlaggedOnceAndSuperseded() {
        ResponsePlan draft = new ResponsePlan(
                1,
                9,
                1,
                "tt20-pl3",
                ResponsePlanStatus.DRAFT,
                3,
                false,
                null,
                null,
                T,
                T,
                null,
                null,
                Map.of("scenarios", "s", "roles", "r"));
        PlanOutlines.Outline outline = OUTLINES.byId("tt20-pl3").orElseThrow();
        assertThatThrownBy(() -> draft.approve(outline, "A", T))
                .isInstanceOf(FieldProblemException.class)
                .satisfies(e -> assertThat(((FieldProblemException) e).problems())
                        .extracting(FieldProblemException.FieldProblem::field)
                        .containsExactly("sections.continuity"));
        assertThat(draft.flagForUpdate(ResponsePlan.LEVEL_CHANGED, T))
                .as("a draft is not flagged")
                .isSameAs(draft);

        ResponsePlan approved = draft.edit(Map.of("scenarios", "s", "roles", "r", "continuity", "c"))
                .approve(outline, "Lãnh đạo", T);
        assertThat(approved.status()).isEqualTo(ResponsePlanStatus.APPROVED);
        assertThat(approved.approvedAt()).isEqualTo(T);
        assertThatThrownBy(() -> approved.edit(Map.of())).isInstanceOf(FieldProblemException.class);
        assertThatThrownBy(() -> approved.approve(outline, "x", T)).isInstanceOf(FieldProblemException.class);

        ResponsePlan flagged = approved.flagForUpdate(ResponsePlan.COMPONENTS_CHANGED, T.plusSeconds(60));
        assertThat(flagged.needsUpdate()).isTrue();
        ResponsePlan again = flagged.flagForUpdate(ResponsePlan.LEVEL_CHANGED, T.plusSeconds(120));
        assertThat(again.updateReason())
                .as("the first reason and time are kept")
                .isEqualTo(ResponsePlan.COMPONENTS_CHANGED);
        assertThat(again.updateRaisedAt()).isEqualTo(T.plusSeconds(60));
        assertThat(flagged.supersede(T.plusSeconds(180)).status()).isEqualTo(ResponsePlanStatus.SUPERSEDED);
        assertThatThrownBy(() -> draft.supersede(T)).isInstanceOf(IllegalStateException.class);
    }
}
