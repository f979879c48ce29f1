package vn.khien.compliance.form08;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.khien.access.ScopeFilter;
import vn.khien.compliance.assessment.AssessmentKind;
import vn.khien.compliance.catalogue.RequirementStatus;
import vn.khien.compliance.plan.SecurityRegulation;
import vn.khien.systems.VisibleSystems;

/**
 * What Mẫu 08 needs of many systems at once, one query per kind of data (the register exports whole subtrees).
 * Every read ANDs in the register's visibility, even though the register passes only systems the caller sees.
 */
@Repository
class Form08Repository {

    /** A required plan item's status, and the date it is due to be met (PLANNED items). */
    public record ItemState(RequirementStatus status, LocalDate targetDate) {}

    private final JdbcClient jdbc;
    private final VisibleSystems systems;

    public Form08Repository(JdbcClient jdbc, VisibleSystems systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    public Map<Long, SecurityRegulation> regulations(List<Long> ids) {
        ScopeFilter f = systems.visibleSystems("r.system_id");
        Map<Long, SecurityRegulation> result = new HashMap<>();
        jdbc.sql("SELECT r.* FROM security_regulation r WHERE r.system_id IN (:ids) AND " + f.sql())
                .params(f.params())
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    result.put(
                            rs.getLong("system_id"),
                            new SecurityRegulation(
                                    rs.getLong("system_id"),
                                    rs.getString("title"),
                                    rs.getString("decision_number"),
                                    rs.getObject("issued_on", LocalDate.class),
                                    rs.getString("issued_by")));
                });
        return result;
    }

    public Map<Long, List<ItemState>> requiredItems(List<Long> ids) {
        ScopeFilter f = systems.visibleSystems("p.system_id");
        Map<Long, List<ItemState>> result = new HashMap<>();
        jdbc.sql("SELECT p.system_id, p.status, p.target_date FROM plan_item p WHERE p.required = TRUE"
                        + " AND p.system_id IN (:ids) AND " + f.sql())
                .params(f.params())
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new ItemState(
                                    RequirementStatus.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)));
                });
        return result;
    }

    /** Latest due date of the open remediation tasks per system. */
    public Map<Long, LocalDate> lastOpenTaskDue(List<Long> ids) {
        ScopeFilter f = systems.visibleSystems("t.system_id");
        Map<Long, LocalDate> result = new HashMap<>();
        jdbc.sql("SELECT t.system_id, MAX(t.due_on) FROM remediation_task t WHERE t.done = FALSE"
                        + " AND t.system_id IN (:ids) AND " + f.sql() + " GROUP BY t.system_id")
                .params(f.params())
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    LocalDate due = rs.getObject(2, LocalDate.class);
                    if (due != null) {
                        result.put(rs.getLong(1), due);
                    }
                });
        return result;
    }

    /** Kinds of the completed assessments per system. */
    public Map<Long, Set<AssessmentKind>> completedKinds(List<Long> ids) {
        ScopeFilter f = systems.visibleSystems("a.system_id");
        Map<Long, Set<AssessmentKind>> result = new HashMap<>();
        jdbc.sql("SELECT DISTINCT a.system_id, a.kind FROM assessment a WHERE a.completed_on IS NOT NULL"
                        + " AND a.system_id IN (:ids) AND " + f.sql())
                .params(f.params())
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    result.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(AssessmentKind.class))
                            .add(AssessmentKind.valueOf(rs.getString(2)));
                });
        return result;
    }
}
