package vn.khien.obligations.jobs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.identity.Notice;
import vn.khien.identity.Notifications;
import vn.khien.obligations.ObligationStatus;
import vn.khien.obligations.catalogue.Obligation;
import vn.khien.obligations.catalogue.Subject;
import vn.khien.obligations.status.ObligationService;
import vn.khien.platform.DateDisplay;

/**
 * Reminders and escalation. From the rule's lead time before the due date the unit's security officers get a
 * reminder (DUE_SOON); after the due date the leader of the unit and the security officers of the parent organisation
 * get an escalation (OVERDUE). Notices carry a dedup key per rule, subject, due date and step, so however many nodes or
 * runs, each person gets each reminder once; the daily digest mails them. Duties no module reports (NO_DATA) remind
 * nobody.
 */
@Service
public class ReminderService {

    private final ObligationService obligations;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    ReminderService(ObligationService obligations, Notifications notifications, AuditTrail audit, JdbcClient jdbc) {
        this.obligations = obligations;
        this.notifications = notifications;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    public record Run(int reminders, int escalations) {}

    @Transactional
    public Run run() {
        List<Subject> organizations = jdbc.sql("SELECT id, name_vi, kind FROM organization ORDER BY id")
                .query((rs, n) -> Subject.organization(rs.getLong(1), rs.getString(2), rs.getString(3), Set.of()))
                .list();
        Map<Long, Long> parents = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM organization WHERE parent_id IS NOT NULL")
                .query((rs, n) -> parents.put(rs.getLong(1), rs.getLong(2)))
                .list();
        int reminders = 0;
        int escalations = 0;
        Set<Long> touched = new HashSet<>();
        for (Obligation o : obligations.everythingForBackgroundJobs(organizations)) {
            if (o.dueOn() == null
                    || o.status() != ObligationStatus.DUE_SOON && o.status() != ObligationStatus.OVERDUE) {
                continue;
            }
            long org = o.subject().organizationId();
            String key = "duty:" + o.rule().id() + ":" + o.subject().kind() + ":"
                    + o.subject().id() + ":" + o.dueOn();
            List<String> args =
                    List.of(o.rule().id(), o.rule().titleVi(), o.subject().name(), DateDisplay.DATE.format(o.dueOn()));
            String link = o.rule().whereFor(o.subject());
            int reached;
            if (o.status() == ObligationStatus.DUE_SOON) {
                reached = notifications.send(new Notice(
                        "DUTY",
                        "obligations.notice.dueSoon",
                        args,
                        link,
                        key + ":due",
                        new Notice.Audience.Holders(org, Capability.EDIT_SECURITY_DATA)));
                reminders += reached;
            } else {
                // the unit's officers and its leader: the LEADER role holds EDIT_SECURITY_DATA as well as APPROVE,
                // so one audience reaches both, and a person with both roles gets one notice
                reached = notifications.send(new Notice(
                        "DUTY",
                        "obligations.notice.overdue",
                        args,
                        link,
                        key + ":overdue",
                        new Notice.Audience.Holders(org, Capability.EDIT_SECURITY_DATA)));
                Long parent = parents.get(org);
                if (parent != null) {
                    reached += notifications.send(new Notice(
                            "DUTY",
                            "obligations.notice.escalation",
                            args,
                            link,
                            key + ":escalation",
                            new Notice.Audience.Holders(parent, Capability.EDIT_SECURITY_DATA)));
                }
                escalations += reached;
            }
            if (reached > 0) {
                touched.add(org);
            }
        }
        for (long org : touched) {
            audit.record(AuditEntry.of("OBLIGATION_REMINDERS_SENT", org, "organization", org));
        }
        return new Run(reminders, escalations);
    }
}
