package vn.khien.incidents.cases;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.khien.vulnerabilities.FindingIncidents;
import vn.khien.warnings.WarningIncidents;

/**
 * "Sự cố liên quan" on a finding's and a warning's page: the incidents linked to it that the reader may see (the
 * incidents' own visibility predicate: the reporting organisation's subtree or an organisation it was shared with).
 */
@Component
class LinkedIncidents implements FindingIncidents, WarningIncidents {

    private final IncidentRepository incidents;
    private final MessageSource messages;

    LinkedIncidents(IncidentRepository incidents, MessageSource messages) {
        this.incidents = incidents;
        this.messages = messages;
    }

    @Override
    public List<FindingIncidents.RelatedIncident> linkedToFinding(long findingId) {
        return incidents.linkedTo("finding_id", findingId).stream()
                .map(i -> new FindingIncidents.RelatedIncident(i.id(), i.title(), status(i), i.detectedAt()))
                .toList();
    }

    @Override
    public List<WarningIncidents.RelatedIncident> linkedToWarning(long warningId) {
        return incidents.linkedTo("warning_id", warningId).stream()
                .map(i -> new WarningIncidents.RelatedIncident(i.id(), i.title(), status(i), i.detectedAt()))
                .toList();
    }

    private String status(Incident i) {
        String key = "incidents.status." + i.status().name();
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
