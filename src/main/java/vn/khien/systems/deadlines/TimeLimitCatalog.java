package vn.khien.systems.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.khien.systems.rules.Confidence;
import vn.khien.systems.rules.RuleDataException;
import vn.khien.systems.rules.RuleYaml;
import vn.khien.systems.rules.YamlMap;

/** Legal time limits per regime, step and level. */
public final class TimeLimitCatalog {

    public static final String DEFAULT_RESOURCE = "rules/deadlines/time-limits.yaml";

    private final List<TimeLimit> limits;
    private final CountingRules counting;

    public TimeLimitCatalog(List<TimeLimit> limits, CountingRules counting) {
        this.limits = List.copyOf(limits);
        this.counting = counting;
        Set<String> ids = new HashSet<>();
        limits.forEach(limit -> {
            if (!ids.add(limit.id())) {
                throw new RuleDataException("duplicate time-limit id '" + limit.id() + "'");
            }
        });
    }

    public static TimeLimitCatalog loadDefault() {
        return read(RuleYaml.loadClasspath(DEFAULT_RESOURCE));
    }

    public static TimeLimitCatalog read(YamlMap root) {
        YamlMap countingNode = root.map("counting");
        if (!"DAY_AFTER_EVENT".equals(countingNode.string("starts"))) {
            throw countingNode.error("starts", "only DAY_AFTER_EVENT is supported");
        }
        String end = countingNode.string("calendar_days_ending_on_non_working_day");
        if (!end.equals("NEXT_WORKING_DAY") && !end.equals("UNCHANGED")) {
            throw countingNode.error("calendar_days_ending_on_non_working_day", "use NEXT_WORKING_DAY or UNCHANGED");
        }
        CountingRules counting = new CountingRules(
                end.equals("NEXT_WORKING_DAY"),
                countingNode.string("legal_ref"),
                countingNode.enumValue("confidence", Confidence.class));
        List<TimeLimit> limits = new ArrayList<>();
        for (YamlMap row : root.maps("limits")) {
            limits.add(new TimeLimit(
                    row.string("id"),
                    row.string("regime"),
                    row.enumValue("step", ProcedureStep.class),
                    new HashSet<>(row.integers("levels")),
                    row.integer("amount"),
                    row.enumValue("unit", DayCount.class),
                    row.string("starts_vi"),
                    row.string("legal_ref"),
                    row.optDate("effective_from"),
                    row.optDate("effective_to"),
                    row.enumValue("confidence", Confidence.class)));
        }
        return new TimeLimitCatalog(limits, counting);
    }

    /** The limit for a step, or empty when the law sets none (e.g. appraisal of levels 1–2). */
    public Optional<TimeLimit> find(String regimeId, ProcedureStep step, int level, LocalDate onDate) {
        return limits.stream()
                .filter(l -> l.appliesTo(regimeId, step, level, onDate))
                .findFirst();
    }

    public List<TimeLimit> all() {
        return limits;
    }

    public CountingRules counting() {
        return counting;
    }
}
