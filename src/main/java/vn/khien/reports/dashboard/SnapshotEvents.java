package vn.khien.reports.dashboard;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.khien.systems.SystemLevelApproved;
import vn.khien.vulnerabilities.ScanImported;

/**
 * Keeps the pre-aggregated dashboard figures current between two runs of the job (docs/adr/0025): a level approval
 * changes its owner's figures of the running quarter, so the owner's snapshot rows are recomputed in the approving
 * transaction (one organisation: a few grouped queries with one id; nothing when no snapshot is stored). An imported
 * scan does the same for its system's owner (scans in six months, open and overdue findings), so that a leader does
 * not read yesterday's findings for up to a job period after the scan.
 */
@Component
class SnapshotEvents {
    private final FigureSnapshots snapshots;

    SnapshotEvents(FigureSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(SystemLevelApproved event) {
        snapshots.refresh(event.ownerOrganizationId(), 1);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ScanImported event) {
        snapshots.refresh(event.ownerOrganizationId(), 1);
    }
}
