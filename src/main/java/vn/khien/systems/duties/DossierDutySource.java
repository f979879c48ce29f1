package vn.khien.systems.duties;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * For the obligations module: R07 (level dossier prepared — met by the approval of a level, evidence the approving
 * dossier). The ids passed in are already scoped by the caller.
 */
@Component
class DossierDutySource implements DutySource {

    private final JdbcClient jdbc;

    DossierDutySource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> rules() {
        return Set.of("R07");
    }

    @Override
    public Map<Long, DutyEvidence> forSystems(String rule, Collection<Long> systemIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if (systemIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT id, approved_on, approval_dossier_id FROM information_system
                WHERE approved_on IS NOT NULL AND id IN (:ids)""")
                .param("ids", systemIds)
                .query((rs, n) -> {
                    Long dossier = (Long) rs.getObject(3);
                    return out.put(
                            rs.getLong(1),
                            DutyEvidence.met(
                                    rs.getDate(2).toLocalDate(),
                                    "approved-dossier",
                                    dossier,
                                    dossier == null ? "/systems/" + rs.getLong(1) : "/dossiers/" + dossier));
                })
                .list();
        return out;
    }
}
