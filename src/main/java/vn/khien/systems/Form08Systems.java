package vn.khien.systems;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.platform.DateDisplay;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.RegisterColumnsContributor;
import vn.khien.systems.register.SystemRepository;
import vn.khien.systems.register.SystemSearch;

/**
 * Columns 1–7 of the Mẫu 08 per-system table (NĐ 331/2026 Phụ lục; regulation.md §6.2) for the systems OWNED in an
 * organisation subtree, for periodic reports. The caller checks that the person may see the subtree.
 */
@Component
public class Form08Systems {

    /** One system: name, owner, operator, level (approved, else the latest proposal), approval state, decision. */
    public record Row(
            long systemId,
            String name,
            String owner,
            String operator,
            Integer level,
            String approvalState,
            String decision) {}

    private final JdbcClient jdbc;
    private final SystemRepository register;
    private final ObjectProvider<RegisterColumnsContributor> contributors;

    public Form08Systems(
            JdbcClient jdbc, SystemRepository register, ObjectProvider<RegisterColumnsContributor> contributors) {
        this.jdbc = jdbc;
        this.register = register;
        this.contributors = contributors;
    }

    /**
     * Columns 8–12 of the Mẫu 08 per-system table for the systems owned in the subtree that the caller sees, keyed by
     * system id and column number: (8) security regulation decision, (10) plan deployment, (11) expected full
     * deployment, (12) inspections — from the same {@code RegisterColumnsContributor} beans as the register's export
     * (the compliance module) — and (9) the expected approval date (the open level dossier's step due date).
     */
    public Map<Long, Map<Integer, String>> columns8To12(long organizationId, int limit) {
        List<InformationSystem> systems =
                register.search(new SystemSearch(organizationId, null, null, null, null), limit);
        Map<Long, Map<Integer, String>> merged = new HashMap<>();
        if (systems.isEmpty()) {
            return merged;
        }
        contributors
                .orderedStream()
                .forEach(c -> c.form08Columns(systems)
                        .forEach((systemId, columns) -> columns.forEach((column, value) -> {
                            if (RegisterColumnsContributor.CONTRIBUTED.contains(column) && value != null) {
                                merged.computeIfAbsent(systemId, k -> new HashMap<>())
                                        .putIfAbsent(column, value);
                            }
                        })));
        List<Long> ids = systems.stream().map(InformationSystem::id).toList();
        for (int i = 0; i < ids.size(); i += 5000) {
            jdbc.sql("""
                    SELECT d.system_id, d.step_due_on FROM level_dossier d
                    WHERE d.system_id IN (:ids) AND d.status NOT IN ('APPROVED', 'WITHDRAWN') AND d.step_due_on IS NOT NULL
                      AND d.id = (SELECT MAX(d2.id) FROM level_dossier d2 WHERE d2.system_id = d.system_id)""")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 5000)))
                    .query((ResultSet rs) -> {
                        merged.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .put(9, DateDisplay.DATE.format(rs.getObject(2, LocalDate.class)));
                    });
        }
        return merged;
    }

    public List<Row> ownedIn(long organizationId, LocalDate asOf, int limit) {
        return jdbc.sql("""
                SELECT s.id, s.name, ow.name_vi, op.name_vi, s.approved_level, s.approval_decision_number, s.approved_on,
                       s.approval_decision_signer,
                       (SELECT MAX(c.chosen_level) FROM system_classification c WHERE c.system_id = s.id
                          AND c.classified_at = (SELECT MAX(c2.classified_at) FROM system_classification c2
                                                 WHERE c2.system_id = s.id)) AS proposed,
                       (SELECT MAX(d.status) FROM level_dossier d WHERE d.system_id = s.id
                          AND d.id = (SELECT MAX(d2.id) FROM level_dossier d2 WHERE d2.system_id = s.id)) AS dossier
                FROM information_system s
                JOIN organization ow ON ow.id = s.owner_organization_id
                JOIN organization op ON op.id = s.operator_organization_id
                WHERE ow.path LIKE (SELECT t.path FROM organization t WHERE t.id = :org) || '%'
                  AND (s.lifecycle_status <> 'RETIRED' OR s.retired_on > :asOf)
                ORDER BY ow.path, s.code LIMIT :limit""")
                .param("org", organizationId)
                .param("asOf", asOf)
                .param("limit", limit)
                .query((rs, n) -> {
                    Integer approved = (Integer) rs.getObject(5, Integer.class);
                    LocalDate on = rs.getObject(7, LocalDate.class);
                    String decision = rs.getString(6) == null
                            ? ""
                            : rs.getString(6)
                                    + (on == null
                                            ? ""
                                            : ", "
                                                    + String.format(
                                                            "%02d/%02d/%d",
                                                            on.getDayOfMonth(), on.getMonthValue(), on.getYear()))
                                    + (rs.getString(8) == null ? "" : ", " + rs.getString(8));
                    return new Row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            approved != null ? approved : (Integer) rs.getObject(9, Integer.class),
                            state(approved != null, rs.getString(10)),
                            decision);
                })
                .list();
    }

    /** Column 6 of Mẫu 08: the form's own words. */
    static String state(boolean approved, String dossierStatus) {
        if (approved) {
            return "Đã được phê duyệt";
        }
        if (dossierStatus == null) {
            return "Đang dự thảo";
        }
        return switch (dossierStatus) {
            case "SUBMITTED" -> "Đã gửi thẩm định";
            case "APPRAISED" -> "Đã thẩm định";
            case "APPROVED" -> "Đã được phê duyệt";
            default -> "Đang dự thảo";
        };
    }
}
