package vn.khien.incidents.network;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khien.platform.duties.DutyEvidence;
import vn.khien.platform.duties.DutySource;

/**
 * Evidence of the network duties per member organisation. R27: the last Form 01 submission (the catalogue's yearly
 * period runs from it); while a contact-point change is unreported, its 24 h limit is reported as the due date (when
 * earlier than the yearly update). R33: the last Form 05 report (the catalogue's calendar, before 20/06 and 15/12).
 */
@Component
class NetworkDuties implements DutySource {

    private final NetworkRepository network;
    private final NetworkRules rules;
    private final Clock clock;

    NetworkDuties(NetworkRepository network, NetworkRules rules, Clock clock) {
        this.network = network;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Set<String> rules() {
        return Set.of("R27", "R33");
    }

    @Override
    public Map<Long, DutyEvidence> forOrganizations(String rule, Collection<Long> organizationIds) {
        Map<Long, DutyEvidence> out = new HashMap<>();
        if ("R27".equals(rule)) {
            Map<Long, Instant> profiles = network.lastProfile(organizationIds);
            Map<Long, Instant> pending = network.firstUnreportedChange(organizationIds);
            LocalDate today = LocalDate.now(clock.withZone(NetworkRules.VN));
            for (Long id : organizationIds) {
                Instant last = profiles.get(id);
                Instant change = pending.get(id);
                if (last == null && change == null) {
                    continue;
                }
                LocalDate lastOn = day(last);
                LocalDate due = null;
                if (change != null) {
                    due = day(rules.contactReportDue(change));
                    LocalDate yearly = rules.profileDueOn(lastOn, today);
                    if (yearly.isBefore(due)) {
                        due = yearly;
                    }
                }
                out.put(id, new DutyEvidence(lastOn, due, "contact-profile", null, "/incident-network/" + id));
            }
        } else if ("R33".equals(rule)) {
            network.lastReport(organizationIds)
                    .forEach((id, at) ->
                            out.put(id, DutyEvidence.met(day(at), "network-report", null, "/incident-network/" + id)));
        }
        return out;
    }

    private static LocalDate day(Instant i) {
        return i == null ? null : i.atZone(NetworkRules.VN).toLocalDate();
    }
}
