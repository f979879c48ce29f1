package vn.khien.incidents.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khien.platform.attention.AttentionItem;
import vn.khien.platform.attention.AttentionItem.Severity;
import vn.khien.platform.attention.AttentionSource;

/**
 * Incident clocks on the home page: every report an open incident (own or shared) still owes, late or due within a
 * day; coordination orders waiting for the caller's units; unverified reports in the queue.
 */
@Component
@Order(40)
class IncidentsAttention implements AttentionSource {

    static final Duration SOON = Duration.ofHours(24);
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(IncidentDocuments.VN);

    private final IncidentService service;
    private final IncidentRepository incidents;

    public IncidentsAttention(IncidentService service, IncidentRepository incidents) {
        this.service = service;
        this.incidents = incidents;
    }

    @Override
    public List<AttentionItem> itemsFor(long personId) {
        Instant now = service.now();
        List<AttentionItem> items = new ArrayList<>();
        long unverified = 0;
        List<Incident> open = incidents.list(new IncidentRepository.ListQuery(null, null, true, 50));
        // Owners, designations and submitted reports of all listed incidents at once, not per incident (issue 15).
        Map<Long, List<IncidentService.Due>> dues = service.resolveAll(open);
        for (Incident i : open) {
            if (i.status() == IncidentStatus.NEW) {
                unverified++;
            }
            for (IncidentService.Due d : dues.get(i.id())) {
                if (d.submitted() || d.dueAt() == null) {
                    continue;
                }
                Instant due = d.dueAt().toInstant();
                DefaultMessageSourceResolvable kind = new DefaultMessageSourceResolvable("incidents.kind." + d.kind());
                if (now.isAfter(due)) {
                    items.add(AttentionItem.of(
                            Severity.CRITICAL,
                            "incidents.attention.late",
                            "/incidents/" + i.id(),
                            String.valueOf(i.id()),
                            kind,
                            AT.format(due)));
                } else if (due.isBefore(now.plus(SOON))) {
                    items.add(AttentionItem.of(
                            Severity.WARNING,
                            "incidents.attention.due",
                            "/incidents/" + i.id(),
                            String.valueOf(i.id()),
                            kind,
                            AT.format(due)));
                }
            }
        }
        // Coordination (Biểu mẫu 06): incidents beyond a unit's capacity (or serious) that the caller coordinates by
        // designation and on which its coordinating body has issued no order yet.
        Map<Long, Long> coordinating = service.coordinatingOrganizations(open);
        Map<Long, Set<Long>> issuers = incidents.orderIssuers(coordinating.keySet());
        Map<Long, String> names = incidents.organizationNames(Set.copyOf(coordinating.values()));
        for (Incident i : open) {
            Long by = coordinating.get(i.id());
            if (by != null
                    && (i.beyondCapacity() || Boolean.TRUE.equals(i.serious()) || i.nationalSecuritySigns())
                    && !issuers.getOrDefault(i.id(), Set.of()).contains(by)) {
                items.add(AttentionItem.of(
                        Severity.WARNING,
                        "incidents.attention.orderNeeded",
                        "/incidents/" + i.id() + "#order-form",
                        String.valueOf(i.id()),
                        i.organizationName(),
                        names.getOrDefault(by, "")));
            }
        }
        // Orders the caller's coordinating body issued, followed up until answered (a body above both the issuer and
        // the unit named, such as the root, follows them up; it does not answer them).
        Set<Long> listed = new HashSet<>();
        for (IncidentRepository.Order o : incidents.openOrdersIssuedByCaller()) {
            listed.add(o.id());
            items.add(AttentionItem.of(
                    o.overdue(now) ? Severity.CRITICAL : Severity.INFO,
                    o.overdue(now) ? "incidents.attention.orderIssuedLate" : "incidents.attention.orderIssued",
                    "/incidents/" + o.incidentId(),
                    o.issuerName(),
                    o.targetName(),
                    String.valueOf(o.incidentId()),
                    AT.format(o.dueAt())));
        }
        for (IncidentRepository.Order o : incidents.openOrdersForCaller()) {
            if (!listed.add(o.id())) {
                continue;
            }
            items.add(AttentionItem.of(
                    o.overdue(now) ? Severity.CRITICAL : Severity.WARNING,
                    o.overdue(now) ? "incidents.attention.orderLate" : "incidents.attention.order",
                    "/incidents/" + o.incidentId(),
                    String.valueOf(o.incidentId()),
                    AT.format(o.dueAt())));
        }
        if (unverified > 0) {
            items.add(AttentionItem.of(
                    Severity.WARNING, "incidents.attention.unverified", "/incidents?status=NEW", unverified));
        }
        return items;
    }

    @Override
    public String moreLink() {
        return "/incidents";
    }
}
