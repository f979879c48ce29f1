package vn.khien.incidents.plans;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.khien.systems.SystemInventoryChanged;
import vn.khien.systems.SystemLevelApproved;

/**
 * R23 "update on change": a new approved level or a changed inventory of components flags the system's plan in force,
 * in the transaction that made the change (before it commits), like the security plan's listener.
 */
@Component
class ResponsePlanListener {

    private final ResponsePlanService plans;

    ResponsePlanListener(ResponsePlanService plans) {
        this.plans = plans;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onLevelApproved(SystemLevelApproved e) {
        plans.systemChanged(e.systemId(), ResponsePlan.LEVEL_CHANGED, e.level());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onInventoryChanged(SystemInventoryChanged e) {
        plans.systemChanged(e.systemId(), ResponsePlan.COMPONENTS_CHANGED, null);
    }
}
