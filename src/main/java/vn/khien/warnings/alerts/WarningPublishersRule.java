package vn.khien.warnings.alerts;

import org.springframework.stereotype.Component;
import vn.khien.warnings.advisories.WarningPublishers;

/** The library's "publish as warning" follows the publish rule itself: some organisation the caller may publish from. */
@Component
class WarningPublishersRule implements WarningPublishers {

    private final WarningService service;

    WarningPublishersRule(WarningService service) {
        this.service = service;
    }

    @Override
    public boolean mayPublish() {
        return !service.publishers().isEmpty();
    }
}
