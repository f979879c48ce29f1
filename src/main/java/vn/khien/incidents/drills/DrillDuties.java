package vn.khien.incidents.drills;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/** R24 (live-fire drill at least yearly for level 3+): the last live-fire drill per system. */
@Component
class DrillDuties implements DutySource {

    private final DrillRepository drills;

    public DrillDuties(DrillRepository drills) {
        this.drills = drills;
    }

    @Override
    public Set<String> rules() {
        return Set.of("R24");
    }

    @Override
    public Map<Long, DutyEvidence> forSystems(String rule, Collection<Long> systemIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if (!"R24".equals(rule)) {
            return out;
        }
        drills.lastLiveFire(systemIds)
                .forEach((id, on) -> out.put(id, DutyEvidence.met(on, "drill", null, "/systems/" + id + "/drills")));
        return out;
    }
}
