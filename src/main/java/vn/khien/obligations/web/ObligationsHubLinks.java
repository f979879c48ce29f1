package vn.khien.obligations.web;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.khien.obligations.ObligationStatus;
import vn.khien.obligations.catalogue.Obligation;
import vn.khien.obligations.status.ObligationService;
import vn.khien.platform.NotFoundException;
import vn.khien.systems.SystemHubLinks;

/**
 * The system page's entry for the system's legal duties (issue 9: everything about a system reached from its page;
 * issue 13: the obligations of one system): how many need attention (due soon or overdue), how many of them are
 * overdue, highlighted when any is.
 */
@Component
class ObligationsHubLinks implements SystemHubLinks {

    private final ObligationService obligations;

    ObligationsHubLinks(ObligationService obligations) {
        this.obligations = obligations;
    }

    @Override
    public List<Link> linksFor(long systemId) {
        List<Obligation> all;
        try {
            all = obligations.forSystem(systemId).obligations();
        } catch (NotFoundException outsideTheSubtree) {
            // read through an appraisal only (ADR 0012): the duties are the owner's business
            return List.of();
        }
        long overdue =
                all.stream().filter(o -> o.status() == ObligationStatus.OVERDUE).count();
        long dueSoon = all.stream()
                .filter(o -> o.status() == ObligationStatus.DUE_SOON)
                .count();
        return List.of(new Link(
                60,
                "obligations.hub.duties",
                "/systems/" + systemId + "/obligations",
                overdue + dueSoon,
                "obligations.hub.overdue",
                overdue,
                overdue > 0));
    }
}
