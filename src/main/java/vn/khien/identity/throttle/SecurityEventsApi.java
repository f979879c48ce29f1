package vn.khien.identity.throttle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.platform.ForbiddenActionException;

/** Failed and throttled sign-ins of the caller's subtree, for administrators and auditors (ADR 0017). */
@RestController
@RequestMapping("/api/v1/security-events")
@Tag(name = "Security events")
class SecurityEventsApi {

    private final SecurityEvents events;

    SecurityEventsApi(SecurityEvents events) {
        this.events = events;
    }

    @GetMapping
    @Operation(
            summary = "Failed and throttled sign-ins, and the delays in force, for accounts of the caller's subtree "
                    + "(organisation administrators, auditors; platform-wide events for platform administrators)")
    SecurityEvents.Page api(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (!events.mayView()) {
            throw new ForbiddenActionException("error.forbidden");
        }
        return events.page(Math.max(page, 0), Math.min(Math.max(size, 1), 500));
    }
}
