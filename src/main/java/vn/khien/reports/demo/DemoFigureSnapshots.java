package vn.khien.reports.demo;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.reports.dashboard.DashboardService;
import vn.khien.reports.dashboard.FigureSnapshots;
import vn.khien.systems.SystemsDemoReady;

/**
 * The figures job runs once at start, often before the demo is seeded: its stored quarters then hold no demo system,
 * and the leaders' trend would show empty quarters until the next run (15 minutes). After every other demo seeder,
 * the stored figures are computed again.
 */
@Component
class DemoFigureSnapshots {
    private final FigureSnapshots snapshots;

    DemoFigureSnapshots(FigureSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @EventListener
    @Order(50)
    public void refreshAfterTheDemoSeeds(SystemsDemoReady ready) {
        // The whole refresh, as the job does it, computed now that the seeds are committed: a job run that read the
        // database before the seed has written its quarters by now (it takes milliseconds on the demo's data).
        snapshots.refreshAll(DashboardService.TREND_QUARTERS);
    }
}
