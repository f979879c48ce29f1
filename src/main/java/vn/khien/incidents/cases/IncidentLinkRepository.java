package vn.khien.incidents.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The affected systems and components of incidents and their links to findings and warnings, in SQL. Callers reach
 * the incident first through {@link IncidentRepository#find} (its visibility predicate), so these rows of a visible
 * incident are read by its id; the systems, findings and warnings themselves are read through their modules' scoped
 * queries.
 */
@Repository
class IncidentLinkRepository {

    private final JdbcClient jdbc;

    IncidentLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The affected systems of an incident, in the order they were added. */
    List<Long> systems(long incidentId) {
        return jdbc.sql(
                        "SELECT system_id FROM incident_affected_system WHERE incident_id = :i ORDER BY added_at, system_id")
                .param("i", incidentId)
                .query(Long.class)
                .list();
    }

    /** The affected components of an incident by system. */
    Map<Long, List<Long>> components(long incidentId) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        jdbc.sql("SELECT system_id, component_id FROM incident_affected_component WHERE incident_id = :i"
                        + " ORDER BY system_id, component_id")
                .param("i", incidentId)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getLong(2)))
                .list();
        return out;
    }

    boolean insertSystem(long incidentId, long systemId, Long by, Instant now) {
        return jdbc.sql("""
                INSERT INTO incident_affected_system (incident_id, system_id, added_by, added_at)
                SELECT CAST(:i AS BIGINT), CAST(:s AS BIGINT), CAST(:by AS BIGINT), :now WHERE NOT EXISTS
                  (SELECT 1 FROM incident_affected_system x WHERE x.incident_id = :i AND x.system_id = :s)""")
                        .param("i", incidentId)
                        .param("s", systemId)
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    boolean insertComponent(long incidentId, long systemId, long componentId, Instant now) {
        return jdbc.sql("""
                INSERT INTO incident_affected_component (incident_id, system_id, component_id, added_at)
                SELECT CAST(:i AS BIGINT), CAST(:s AS BIGINT), CAST(:c AS BIGINT), :now WHERE NOT EXISTS
                  (SELECT 1 FROM incident_affected_component x WHERE x.incident_id = :i AND x.component_id = :c)""")
                        .param("i", incidentId)
                        .param("s", systemId)
                        .param("c", componentId)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    /** Removes the system and, with it, its affected components. */
    boolean deleteSystem(long incidentId, long systemId) {
        jdbc.sql("DELETE FROM incident_affected_component WHERE incident_id = :i AND system_id = :s")
                .param("i", incidentId)
                .param("s", systemId)
                .update();
        return jdbc.sql("DELETE FROM incident_affected_system WHERE incident_id = :i AND system_id = :s")
                        .param("i", incidentId)
                        .param("s", systemId)
                        .update()
                > 0;
    }

    int deleteComponents(long incidentId, long systemId, Collection<Long> componentIds) {
        return jdbc.sql("DELETE FROM incident_affected_component WHERE incident_id = :i AND system_id = :s"
                        + " AND component_id IN (:c)")
                .param("i", incidentId)
                .param("s", systemId)
                .param("c", List.copyOf(componentIds))
                .update();
    }

    /** A link: to a finding or to a warning. */
    record LinkRow(long id, Long findingId, Long warningId, Instant linkedAt) {}

    List<LinkRow> links(long incidentId) {
        return jdbc.sql("SELECT id, finding_id, warning_id, linked_at FROM incident_link WHERE incident_id = :i"
                        + " ORDER BY linked_at, id")
                .param("i", incidentId)
                .query((rs, n) -> new LinkRow(
                        rs.getLong(1),
                        rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    boolean insertLink(long incidentId, Long findingId, Long warningId, Long by, Instant now) {
        String column = findingId != null ? "finding_id" : "warning_id";
        long target = findingId != null ? findingId : warningId;
        return jdbc.sql("INSERT INTO incident_link (incident_id, finding_id, warning_id, linked_by, linked_at)"
                                + " SELECT CAST(:i AS BIGINT), CAST(:f AS BIGINT), CAST(:w AS BIGINT), CAST(:by AS BIGINT),"
                                + " :now WHERE NOT EXISTS (SELECT 1 FROM incident_link x WHERE x.incident_id = :i AND x."
                                + column + " = :t)")
                        .param("i", incidentId)
                        .param("f", findingId)
                        .param("w", warningId)
                        .param("t", target)
                        .param("by", by)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    boolean deleteLink(long incidentId, Long findingId, Long warningId) {
        String column = findingId != null ? "finding_id" : "warning_id";
        return jdbc.sql("DELETE FROM incident_link WHERE incident_id = :i AND " + column + " = :t")
                        .param("i", incidentId)
                        .param("t", findingId != null ? findingId : warningId)
                        .update()
                > 0;
    }
}
