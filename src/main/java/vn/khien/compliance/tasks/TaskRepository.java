package vn.khien.compliance.tasks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.khien.access.ScopeFilter;
import vn.khien.systems.VisibleSystems;

/**
 * Plain SQL over remediation tasks ({@code remediation_task}). Reads AND the register's visibility predicate on the
 * system, so a task of a system outside the caller's scope is never returned.
 */
@Repository
public class TaskRepository {

    private final JdbcClient jdbc;
    private final VisibleSystems systems;

    TaskRepository(JdbcClient jdbc, VisibleSystems systems) {
        this.jdbc = jdbc;
        this.systems = systems;
    }

    public long insertTask(
            long systemId,
            @Nullable String requirementId,
            @Nullable Long assessmentId,
            String title,
            @Nullable String owner,
            @Nullable LocalDate dueOn,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO remediation_task (system_id, requirement_id, assessment_id, title, owner_name, due_on, done, created_at)
                VALUES (:s, :r, :a, :title, :owner, :due, FALSE, :now)""")
                .param("s", systemId)
                .param("r", requirementId)
                .param("a", assessmentId)
                .param("title", title)
                .param("owner", owner)
                .param("due", dueOn)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    }

    public List<RemediationTask> tasks(long systemId) {
        ScopeFilter f = systems.visibleSystems("t.system_id");
        return jdbc.sql("SELECT t.* FROM remediation_task t WHERE t.system_id = :s AND " + f.sql()
                        + " ORDER BY t.done, t.due_on, t.id")
                .params(f.params())
                .param("s", systemId)
                .query((rs, n) -> new RemediationTask(
                        rs.getLong("id"),
                        rs.getLong("system_id"),
                        rs.getString("requirement_id"),
                        (Long) rs.getObject("assessment_id", Long.class),
                        rs.getString("title"),
                        rs.getString("owner_name"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getBoolean("done"),
                        TaskStatus.valueOf(rs.getString("status"))))
                .list();
    }

    public Optional<RemediationTask> task(long systemId, long taskId) {
        return tasks(systemId).stream().filter(t -> t.id() == taskId).findFirst();
    }

    public void updateTask(long systemId, long taskId, TaskUpdate u) {
        jdbc.sql("UPDATE remediation_task SET title = :title, owner_name = :owner, due_on = :due, status = :status,"
                        + " done = :done WHERE system_id = :s AND id = :id")
                // Both checked by TaskChanges.update.
                .param("title", Objects.requireNonNull(u.title(), "title").trim())
                .param("owner", u.owner())
                .param("due", u.dueOn())
                .param("status", Objects.requireNonNull(u.status(), "status").name())
                .param("done", u.status() == TaskStatus.DONE)
                .param("s", systemId)
                .param("id", taskId)
                .update();
    }

    public void deleteTask(long systemId, long taskId) {
        jdbc.sql("DELETE FROM remediation_task WHERE system_id = :s AND id = :id")
                .param("s", systemId)
                .param("id", taskId)
                .update();
    }

    public int completeTask(long systemId, long taskId) {
        return jdbc.sql("UPDATE remediation_task SET done = TRUE, status = 'DONE' WHERE system_id = :s AND id = :id")
                .param("s", systemId)
                .param("id", taskId)
                .update();
    }
}
