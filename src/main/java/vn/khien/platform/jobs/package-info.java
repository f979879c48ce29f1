/**
 * The common set-up of the modules' cluster-safe background jobs on db-scheduler (docs/adr/0019): each module keeps
 * its own table and tasks and builds its scheduler through {@link vn.khien.platform.jobs.JobSchedulers}.
 */
@NullMarked
@NamedInterface("jobs")
package vn.khien.platform.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
