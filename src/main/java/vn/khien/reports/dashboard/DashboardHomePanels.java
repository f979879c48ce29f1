package vn.khien.reports.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.access.Role;
import vn.khien.identity.PersonRepository;
import vn.khien.identity.RoleGrant;
import vn.khien.platform.attention.HomePanel;
import vn.khien.platform.attention.HomePanelSource;

/**
 * The home page of a leader or of a supervising body opens on its dashboard (issue 14): for each organisation where
 * the person is a leader, or holds a role at an organisation with organisations below it (a ministry's or province's
 * centre, the national coordinator), the targets of the running quarter with the shortfalls marked, each leading to
 * the figure's drill-down. At most {@link #MAX} panels; figures come pre-aggregated when the snapshot is usable.
 */
@Component
class DashboardHomePanels implements HomePanelSource {
    static final int MAX = 2;

    private final PersonRepository people;
    private final DashboardService dashboards;
    private final JdbcClient jdbc;

    DashboardHomePanels(PersonRepository people, DashboardService dashboards, JdbcClient jdbc) {
        this.people = people;
        this.dashboards = dashboards;
        this.jdbc = jdbc;
    }

    /**
     * Live figures over a whole subtree when the stored snapshot is not current (32 s for the national body at scale
     * 1.0): the home page may show them a few minutes late (ADR 0064).
     */
    @Override
    public boolean mayLag() {
        return true;
    }

    @Override
    public List<HomePanel> panelsFor(long personId) {
        Set<Long> orgs = new LinkedHashSet<>();
        for (RoleGrant g : people.grantsOf(personId)) {
            if (g.role() == Role.INCIDENT_RESPONDER) {
                continue;
            }
            if (g.role() == Role.LEADER || supervises(g.organizationId())) {
                orgs.add(g.organizationId());
            }
        }
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        List<HomePanel> panels = new ArrayList<>();
        for (long org : orgs) {
            if (panels.size() >= MAX) {
                break;
            }
            DashboardService.Standing s = dashboards.standingOf(org);
            List<HomePanel.Line> lines = new ArrayList<>();
            for (DashboardService.TargetValue t : s.targets()) {
                String value = t.target().share()
                        ? (t.percent() == null ? "–" : t.percent() + "% (" + t.value() + "/" + t.denominator() + ")")
                        : (t.met() == null ? "–" : String.valueOf(t.value()));
                lines.add(new HomePanel.Line(
                        en ? t.target().titleEn() : t.target().titleVi(),
                        value,
                        Boolean.FALSE.equals(t.met()),
                        "/organizations/" + org + "/dashboard/figures/"
                                + t.target().numerator()));
            }
            panels.add(new HomePanel(
                    "home.dashboard.title",
                    s.name(),
                    "/organizations/" + org + "/dashboard",
                    "home.dashboard.open",
                    null,
                    lines));
        }
        return panels;
    }

    private boolean supervises(long organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM organization WHERE parent_id = :id")
                        .param("id", organizationId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
