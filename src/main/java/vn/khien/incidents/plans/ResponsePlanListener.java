package vn.khien.incidents.plans;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.khien.audit.AuditActor;
import vn.khien.systems.SystemInventoryChanged;
import vn.khien.systems.SystemLevelApproved;

/**
 * R23 "update on change": a new approved level or a changed inventory of components flags the system's plan in force,
 * once the change has committed, in a transaction of its own; the publication is kept in {@code event_publication}
 * until the flag is stored (docs/adr/0041). The audit record names the person who changed the system, whom the event
 * carries (AuditActor).
 */
@Component
class ResponsePlanListener {

    private final ResponsePlanService plans;

    ResponsePlanListener(ResponsePlanService plans) {
        this.plans = plans;
    }

    @ApplicationModuleListener
    void onLevelApproved(SystemLevelApproved e) {
        AuditActor.run(e.actor(), () -> plans.systemChanged(e.systemId(), ResponsePlan.LEVEL_CHANGED, e.level()));
    }

    @ApplicationModuleListener
    void onInventoryChanged(SystemInventoryChanged e) {
        AuditActor.run(e.actor(), () -> plans.systemChanged(e.systemId(), ResponsePlan.COMPONENTS_CHANGED, null));
    }
}
