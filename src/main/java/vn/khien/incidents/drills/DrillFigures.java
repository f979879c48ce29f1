package vn.khien.incidents.drills;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.khien.platform.DateDisplay;
import vn.khien.platform.figures.FigureRow;

/**
 * The drill figure of reports and dashboards ({@code drillsLevel3Plus}, contributed by the module's figure source):
 * level-3+ systems that held a live-fire drill in the period, from the drills recorded on the systems, and the systems
 * behind it for the drill-down. Biểu mẫu 05 of the network member report (IR_NETWORK_MEMBER) and the dashboards read
 * this one figure.
 */
@Component
public class DrillFigures {

    private final DrillRepository drills;

    public DrillFigures(DrillRepository drills) {
        this.drills = drills;
    }

    public Map<Long, Long> liveFireLevel3Plus(Collection<Long> organizationIds, LocalDate from, LocalDate to) {
        return drills.liveFireLevel3Plus(organizationIds, from, to);
    }

    /** The systems the figure counts for one owner, each linked to its drills, with the last drill's day. */
    public List<FigureRow> liveFireLevel3PlusRows(long organizationId, LocalDate from, LocalDate to, int limit) {
        return drills.liveFireLevel3PlusSystems(organizationId, from, to, limit).stream()
                .map(s -> new FigureRow(
                        s.name() + " — " + DateDisplay.DATE.format(s.lastHeldOn()),
                        "/systems/" + s.systemId() + "/drills"))
                .toList();
    }
}
