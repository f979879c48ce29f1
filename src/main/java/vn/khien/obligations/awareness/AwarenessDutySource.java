package vn.khien.obligations.awareness;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * R25 (training, awareness and drills; yearly): met on the later of the last awareness round that reached the
 * organisation's people and the last training its people completed; the evidence is that campaign or the
 * organisation's training page.
 */
@Component
class AwarenessDutySource implements DutySource {

    private final AwarenessService awareness;
    private final JdbcClient jdbc;

    AwarenessDutySource(AwarenessService awareness, JdbcClient jdbc) {
        this.awareness = awareness;
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> rules() {
        return Set.of("R25");
    }

    @Override
    public Map<Long, DutyEvidence> forOrganizations(String rule, Collection<Long> organizationIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        awareness.lastDeliveries(organizationIds).forEach((org, last) -> {
            long campaign = (Long) last[1];
            out.put(
                    org,
                    DutyEvidence.met((LocalDate) last[0], "awareness-campaign", campaign, "/awareness/" + campaign));
        });
        Map<Long, LocalDate> trained = new HashMap<>();
        jdbc.sql("""
                SELECT t.organization_id, MAX(t.completed_on) FROM training_record t
                WHERE t.organization_id IN (:ids) GROUP BY t.organization_id""")
                .param("ids", organizationIds)
                .query((rs, n) -> trained.put(rs.getLong(1), ((Date) rs.getDate(2)).toLocalDate()))
                .list();
        trained.forEach((org, on) -> {
            DutyEvidence campaign = out.get(org);
            if (campaign == null || campaign.lastMetOn() == null || on.isAfter(campaign.lastMetOn())) {
                out.put(org, DutyEvidence.met(on, "training-record", null, "/organizations/" + org + "/training"));
            }
        });
        return out;
    }
}
