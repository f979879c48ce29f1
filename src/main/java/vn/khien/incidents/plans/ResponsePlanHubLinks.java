package vn.khien.incidents.plans;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.khien.systems.SystemHubLinks;

/** The system page's entry for its response plan: the version in force, highlighted when missing or to update. */
@Component
class ResponsePlanHubLinks implements SystemHubLinks {

    private final ResponsePlanRepository plans;

    ResponsePlanHubLinks(ResponsePlanRepository plans) {
        this.plans = plans;
    }

    @Override
    public List<Link> linksFor(long systemId) {
        Map<Long, ResponsePlanRepository.InForce> inForce = plans.inForce(List.of(systemId));
        ResponsePlanRepository.InForce p = inForce.get(systemId);
        String href = "/systems/" + systemId + "/response-plans";
        if (p == null) {
            return List.of(new Link(52, "incidents.hub.plan", href, 0, "incidents.hub.planNone", null, true));
        }
        return List.of(new Link(
                52,
                "incidents.hub.plan",
                href,
                1,
                p.needsUpdate() ? "incidents.hub.planUpdate" : null,
                null,
                p.needsUpdate()));
    }
}
