package vn.khien.reports.dashboard;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.khien.platform.figures.OwnFiguresChanged;
import vn.khien.systems.SystemLevelApproved;
import vn.khien.vulnerabilities.ScanImported;

/**
 * Keeps the pre-aggregated dashboard figures current between two runs of the job (docs/adr/0025, 0041): an event
 * that changes one organisation's own figures recomputes that organisation's snapshot rows of the running quarter (a
 * few grouped queries with one id; nothing when no snapshot is stored), so a leader does not read figures of up to a
 * job period ago: a level approved (systems approved), a scan imported (scans in six months, open and overdue
 * findings), a warning published or matched later (warnings received and not acknowledged, for every organisation
 * reached at once: docs/adr/0046) or answered (warnings acknowledged, not acknowledged, fixed), an incident reported
 * or moved (incidents open).
 *
 * <p>Each is an {@link ApplicationModuleListener}: it runs once the publishing transaction has committed, in a
 * transaction of its own, and the publication is kept in {@code event_publication} until it succeeds — a failing
 * refresh no longer rolls the approval, import or response back, and a crash between commit and refresh leaves the
 * publication to be resubmitted at the next start.
 */
@Component
class SnapshotEvents {
    private final FigureSnapshots snapshots;

    SnapshotEvents(FigureSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @ApplicationModuleListener
    void on(SystemLevelApproved event) {
        snapshots.refresh(event.ownerOrganizationId(), 1);
    }

    @ApplicationModuleListener
    void on(ScanImported event) {
        snapshots.refresh(event.ownerOrganizationId(), 1);
    }

    /**
     * A warning published (every organisation it reached, together) or answered, an incident reported or moved:
     * published by features this module does not depend on.
     */
    @ApplicationModuleListener
    void on(OwnFiguresChanged event) {
        snapshots.refresh(event.organizationIds(), 1);
    }
}
