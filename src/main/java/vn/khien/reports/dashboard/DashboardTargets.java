package vn.khien.reports.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
            @Nullable String denominator,
            @Nullable Integer goalPercent,
            @Nullable Integer max,
            @Nullable String deadline,
            String legalSource,
            @Nullable String requires) {
        public boolean share() {
            return denominator != null;
        }

        /** The figure the target is measured over (a share's denominator, a count's {@code requires}), or null. */
        public @Nullable String base() {
            return share() ? denominator : requires;
        }
    }

    private final List<Target> targets = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public DashboardTargets() {
        try (InputStream in = new ClassPathResource("rules/reports/dashboard-targets.yaml").getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Object list = root == null ? null : root.get("targets");
            if (!(list instanceof List<?> items)) {
                throw new IllegalStateException("rules/reports/dashboard-targets.yaml lacks its targets");
            }
            for (Object item : items) {
                Map<String, Object> t = (Map<String, Object>) item;
                String key = required(t, "key", "?");
                String denominator = str(t, "denominator");
                Integer goal = (Integer) t.get("goal_percent");
                Integer max = (Integer) t.get("max");
                // a share needs its goal, a count its maximum: rule data without them is refused at start
                if (denominator != null ? goal == null : max == null) {
                    throw new IllegalStateException("dashboard target " + key + " lacks its goal_percent or max");
                }
                targets.add(new Target(
                        key,
                        required(t, "title_vi", key),
                        required(t, "title_en", key),
                        required(t, "numerator", key),
                        denominator,
                        goal,
                        max,
                        str(t, "deadline"),
                        required(t, "legal_source", key),
                        str(t, "requires")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Target> all() {
        return List.copyOf(targets);
    }

    private static String required(Map<String, Object> m, String k, String target) {
        String v = str(m, k);
        if (v == null) {
            throw new IllegalStateException("dashboard target " + target + " lacks " + k);
        }
        return v;
    }

    private static @Nullable String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : String.valueOf(v);
    }
}
