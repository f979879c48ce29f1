package vn.khien.compliance.catalogue.admin;

import org.jspecify.annotations.Nullable;
import vn.khien.compliance.catalogue.Regime;

/**
 * What an imported catalogue version asks of the plans, implemented by {@code compliance.plan}: the plans derived from
 * the catalogues it changes are derived again, in the importing transaction. Owned here so that the plan depends on the
 * catalogues and not the other way round.
 */
public interface PlanRederivation {

    /**
     * Re-derives the current plans of the regime ({@code null}: every regime) owned in the organisation's subtree
     * ({@code null}: everywhere), at their level and regime, so the diff shows in each plan's history like a level
     * change would.
     */
    void rederive(@Nullable Regime regime, @Nullable Long organizationId);
}
