package vn.khien.compliance;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.khien.compliance.tasks.TaskChanges;
import vn.khien.compliance.tasks.TaskRequest;

/**
 * For other modules (incidents' drills, issue 12): open a remediation task on a system through compliance's own task
 * machinery (the same checks, table, history and audit as a task added on the plan page), instead of a copy of it.
 */
@Component
public class RemediationTasks {

    private final TaskChanges tasks;

    public RemediationTasks(TaskChanges tasks) {
        this.tasks = tasks;
    }

    /** Creates the task; needs the right to edit the system's security data. Returns the task id. */
    public long open(long systemId, String title, @Nullable String owner, LocalDate dueOn) {
        return tasks.addTask(systemId, new TaskRequest(null, title, owner, dueOn))
                .id();
    }

    /** The page where the system's remediation tasks are shown. */
    public static String tasksPage(long systemId) {
        return "/compliance/systems/" + systemId;
    }
}
