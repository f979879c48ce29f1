package vn.khien.compliance.plan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.khien.systems.SystemLevelApproved;

/**
 * Derives the plan in the approving transaction (BEFORE_COMMIT): an approval and its plan commit or roll back
 * together, so no approved system is ever without a plan.
 */
@Component
public class PlanListener {

    private final PlanService plans;
    private final JdbcClient jdbc;

    public PlanListener(PlanService plans, JdbcClient jdbc) {
        this.plans = plans;
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void onLevelApproved(SystemLevelApproved event) {
        // The owner's path decides which internal-policy layers apply; read without a person (events have none).
        String ownerPath = jdbc.sql("SELECT path FROM organization WHERE id = :id")
                .param("id", event.ownerOrganizationId())
                .query(String.class)
                .single();
        plans.derive(
                event.systemId(),
                event.ownerOrganizationId(),
                ownerPath,
                event.level(),
                event.regime(),
                event.approvedOn());
    }
}
