package vn.khien.reports.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The dashboard's targets, rule data {@code rules/reports/dashboard-targets.yaml}. */
@Component
class DashboardTargets {

    /**
     * A share target (numerator / denominator ≥ goalPercent) or a count target (numerator ≤ max). {@code requires}: for
     * a count target, the figure counting what it is about (findings and warnings reach systems: {@code systemsTotal});
     * when that figure is 0 the target has no data (issue 9: an empty base reads "no data", never met).
     */
    public record Target(
            String key,
            String titleVi,
            String titleEn,
            String numerator,
            String denominator,
            Integer goalPercent,
            Integer max,
            String deadline,
            String legalSource,
            String requires) {
        public boolean share() {
            return denominator != null;
        }

        /** The figure the target is measured over (a share's denominator, a count's {@code requires}), or null. */
        public String base() {
            return share() ? denominator : requires;
        }
    }

    private final List<Target> targets = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public DashboardTargets() {
        try (InputStream in = new ClassPathResource("rules/reports/dashboard-targets.yaml").getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            for (Map<String, Object> t : (List<Map<String, Object>>) root.get("targets")) {
                targets.add(new Target(
                        str(t, "key"),
                        str(t, "title_vi"),
                        str(t, "title_en"),
                        str(t, "numerator"),
                        str(t, "denominator"),
                        (Integer) t.get("goal_percent"),
                        (Integer) t.get("max"),
                        str(t, "deadline"),
                        str(t, "legal_source"),
                        str(t, "requires")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Target> all() {
        return List.copyOf(targets);
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : String.valueOf(v);
    }
}
