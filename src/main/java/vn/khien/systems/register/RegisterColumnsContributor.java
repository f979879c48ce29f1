package vn.khien.systems.register;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * Fills Mẫu 08 columns whose data lives in modules built on top of the register (the security regulation, plan
 * deployment and inspections are compliance data). The register cannot call those modules — they depend on it and
 * the module graph must stay acyclic — so it asks every bean implementing this interface instead.
 */
@NamedInterface("register")
public interface RegisterColumnsContributor {

    /** (8) Decision issuing the security regulation (quy chế): number, date, issuer. */
    int REGULATION_DECISION = 8;
    /** (10) Plan implementation status, one of the form's three labels. */
    int PLAN_DEPLOYMENT = 10;
    /** (11) Expected date of full implementation. */
    int FULL_DEPLOYMENT_EXPECTED = 11;
    /** (12) Inspections and assessments done: before go-live, periodic, both, or blank. */
    int INSPECTIONS = 12;

    /** The only columns a contributor may fill; the others are the register's own. */
    Set<Integer> CONTRIBUTED = Set.of(REGULATION_DECISION, PLAN_DEPLOYMENT, FULL_DEPLOYMENT_EXPECTED, INSPECTIONS);

    /**
     * Values per system id, keyed by the column's number in Mẫu 08 (1-based). A system or column left out stays
     * blank. The systems are those the caller may see, already filtered by the register.
     */
    Map<Long, Map<Integer, String>> form08Columns(List<InformationSystem> systems);
}
