package vn.khien.incidents.drills;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Drill counts for the module's figure source. */
@Component
public class DrillFigures {

    private final DrillRepository drills;

    public DrillFigures(DrillRepository drills) {
        this.drills = drills;
    }

    public Map<Long, Long> liveFireLevel3Plus(Collection<Long> organizationIds, LocalDate from, LocalDate to) {
        return drills.liveFireLevel3Plus(organizationIds, from, to);
    }
}
