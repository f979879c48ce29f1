package vn.khien.warnings.alerts;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.khien.systems.SystemInventoryChanged;
import vn.khien.vulnerabilities.ScanImported;

/** Re-matching when a system's inventory changes or a scan is imported, inside the publishing transaction. */
@Component
class WarningEvents {

    private final WarningService service;

    WarningEvents(WarningService service) {
        this.service = service;
    }

    @EventListener
    void on(SystemInventoryChanged e) {
        service.rematchSystem(e.systemId(), e.ownerOrganizationId());
    }

    @EventListener
    void on(ScanImported e) {
        service.afterScan(e.systemId(), e.ownerOrganizationId(), e.scanId());
    }
}
