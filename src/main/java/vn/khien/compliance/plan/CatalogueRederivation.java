package vn.khien.compliance.plan;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.khien.compliance.catalogue.Regime;
import vn.khien.compliance.catalogue.admin.PlanRederivation;

/**
 * The plans a new catalogue version affects, derived again (called by the catalogue import): every system of the
 * regime for a base catalogue, the systems owned in the organisation's subtree for an internal-policy layer.
 */
@Component
class CatalogueRederivation implements PlanRederivation {

    private final PlanRepository plans;
    private final PlanService planService;

    CatalogueRederivation(PlanRepository plans, PlanService planService) {
        this.plans = plans;
        this.planService = planService;
    }

    @Override
    public void rederive(@Nullable Regime regime, @Nullable Long organizationId) {
        for (Map<String, Object> s : plans.plannedSystems(null, organizationId)) {
            String regimeId = (String) Objects.requireNonNull(s.get("regime"), "regime");
            if (regime != null && RegimeIds.of(regimeId) != regime) {
                continue;
            }
            Object on = s.get("approved_on");
            LocalDate approvedOn = on instanceof Date d ? d.toLocalDate() : on instanceof LocalDate l ? l : null;
            planService.derive(
                    number(s, "id").longValue(),
                    number(s, "owner_organization_id").longValue(),
                    (String) Objects.requireNonNull(s.get("path"), "path"),
                    number(s, "level").intValue(),
                    regimeId,
                    approvedOn);
        }
    }

    /** A NOT NULL column of a planned system's row. */
    private static Number number(Map<String, Object> row, String column) {
        return (Number) Objects.requireNonNull(row.get(column), column);
    }
}
