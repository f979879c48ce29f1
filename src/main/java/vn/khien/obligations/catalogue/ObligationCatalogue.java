package vn.khien.obligations.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The versioned obligation catalogue R01–R48, loaded from {@value #RESOURCE} and checked as a whole. */
public final class ObligationCatalogue {

    public static final String RESOURCE = "rules/obligations/catalogue.yaml";
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final String version;
    private final Map<String, ObligationRule> rules;

    private ObligationCatalogue(String version, Map<String, ObligationRule> rules) {
        this.version = version;
        this.rules = rules;
    }

    public String version() {
        return version;
    }

    public Collection<ObligationRule> rules() {
        return rules.values();
    }

    public List<ObligationRule> rulesFor(SubjectKind kind) {
        return rules.values().stream().filter(r -> r.subject() == kind).toList();
    }

    public Optional<ObligationRule> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public static ObligationCatalogue loadDefault() {
        try (InputStream in = ObligationCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObligationCatalogue load(Reader yaml, String sourceName) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        List<String> problems = new ArrayList<>();
        if (!(document instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException(sourceName + ": not a YAML mapping");
        }
        Map<String, ObligationRule> rules = new LinkedHashMap<>();
        Set<String> defined = new HashSet<>();
        Object list = root.get("rules");
        if (!(list instanceof List<?> items)) {
            throw new IllegalArgumentException(sourceName + ": no rules");
        }
        for (Object item : items) {
            Read read = read(map(item), problems);
            if (read == null) {
                continue;
            }
            if (!defined.add(read.id())) {
                problems.add(read.id() + " is defined twice");
            }
            if (read.rule() != null) {
                rules.put(read.id(), read.rule());
            }
        }
        for (int n = 1; n <= 48; n++) {
            String id = String.format("R%02d", n);
            if (!defined.contains(id)) {
                problems.add(id + " is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(sourceName + ": " + String.join("; ", problems));
        }
        return new ObligationCatalogue(String.valueOf(root.get("version")), Map.copyOf(rules));
    }

    /**
     * A rule defined with a valid id and subject; its rule is null when a required field is missing.
     *
     * @param rule the rule, null when it cannot be built (each reason is among the problems)
     */
    private record Read(String id, @Nullable ObligationRule rule) {}

    /** The rule read, or null when it has no valid id or subject; every problem found is added to {@code problems}. */
    private static @Nullable Read read(Map<String, Object> m, List<String> problems) {
        String id = str(m, "id");
        if (id == null || !id.matches("R\\d\\d")) {
            problems.add("rule id '" + id + "' is not R01…R48");
            return null;
        }
        for (String required :
                List.of("subject", "regime", "legalSource", "schedule", "leadTime", "evidence", "where")) {
            if (m.get(required) == null) {
                problems.add(id + ": missing " + required);
            }
        }
        Map<String, Object> title = map(m.get("title"));
        if (str(title, "vi") == null) {
            problems.add(id + ": missing title.vi");
        }
        Map<String, Object> shortName = map(m.get("short"));
        if (str(shortName, "vi") == null) {
            problems.add(id + ": missing short.vi");
        }
        SubjectKind subject;
        try {
            subject = SubjectKind.valueOf(String.valueOf(m.get("subject")));
        } catch (IllegalArgumentException e) {
            problems.add(id + ": unknown subject " + m.get("subject"));
            return null;
        }
        String regime = str(m, "regime");
        if (regime != null && !Set.of("LEGACY", "NEW", "BOTH").contains(regime)) {
            problems.add(id + ": regime must be LEGACY, NEW or BOTH");
        }
        String confidence = Objects.requireNonNullElse(str(m, "confidence"), "PRIMARY");
        if (!Set.of("PRIMARY", "UNCONFIRMED").contains(confidence)) {
            problems.add(id + ": confidence must be PRIMARY or UNCONFIRMED");
        }
        Map<String, Object> a = map(m.get("appliesTo"));
        AppliesTo appliesTo = new AppliesTo(
                ints(a.get("levels")),
                strings(a.get("systemTypes")),
                strings(a.get("orgKinds")),
                strings(a.get("regimes")),
                strings(a.get("lifecycle")),
                strings(a.get("flags")));
        Schedule schedule = schedule(id, map(m.get("schedule")), problems);
        Period lead = period(id, str(m, "leadTime"), problems);
        String firstDue = Objects.requireNonNullElse(str(m, "firstDue"), "IMMEDIATELY");
        if (!Set.of("IMMEDIATELY", "AFTER_APPROVAL").contains(firstDue)) {
            problems.add(id + ": firstDue must be IMMEDIATELY or AFTER_APPROVAL");
        }
        Map<String, String> parameters = new HashMap<>();
        map(m.get("parameters")).forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        String titleVi = str(title, "vi");
        String shortVi = str(shortName, "vi");
        String legalSource = str(m, "legalSource");
        String evidence = str(m, "evidence");
        String where = str(m, "where");
        if (regime == null
                || titleVi == null
                || shortVi == null
                || legalSource == null
                || evidence == null
                || where == null) {
            return new Read(id, null); // each missing field is among the problems above
        }
        return new Read(
                id,
                new ObligationRule(
                        id,
                        subject,
                        regime,
                        confidence,
                        titleVi,
                        str(title, "en"),
                        legalSource,
                        appliesTo,
                        schedule,
                        firstDue.equals("AFTER_APPROVAL"),
                        lead == null ? Period.ZERO : lead,
                        evidence,
                        where,
                        parameters,
                        "NO_DATA".equals(str(m, "whenNoRecord")),
                        shortVi,
                        str(shortName, "en")));
    }

    private static Schedule schedule(String id, Map<String, Object> s, List<String> problems) {
        if (s.size() != 1) {
            problems.add(id + ": schedule needs exactly one of every, everyByLevel, before, by, trigger");
        }
        if (s.containsKey("every")) {
            return new Schedule.Every(period(id, str(s, "every"), problems), Map.of());
        }
        if (s.containsKey("everyByLevel")) {
            Map<String, Map<Integer, Period>> byRegime = new HashMap<>();
            map(s.get("everyByLevel")).forEach((regime, levels) -> {
                Map<Integer, Period> byLevel = new HashMap<>();
                map(levels)
                        .forEach((level, p) ->
                                byLevel.put(Integer.valueOf(level), period(id, String.valueOf(p), problems)));
                byRegime.put(regime, byLevel);
            });
            return new Schedule.Every(null, byRegime);
        }
        if (s.containsKey("before")) {
            List<MonthDay> days = new ArrayList<>();
            for (String d : strings(s.get("before"))) {
                try {
                    days.add(MonthDay.parse(d, MONTH_DAY));
                } catch (DateTimeParseException e) {
                    problems.add(id + ": '" + d + "' is not MM-dd");
                }
            }
            return new Schedule.Before(days);
        }
        if (s.containsKey("by")) {
            try {
                return new Schedule.By(LocalDate.parse(str(s, "by")));
            } catch (DateTimeParseException e) {
                problems.add(id + ": by '" + s.get("by") + "' is not yyyy-MM-dd");
                return new Schedule.OnTrigger(Schedule.Trigger.NONE);
            }
        }
        try {
            return new Schedule.OnTrigger(Schedule.Trigger.valueOf(String.valueOf(s.get("trigger"))));
        } catch (IllegalArgumentException e) {
            problems.add(id + ": unknown trigger " + s.get("trigger"));
            return new Schedule.OnTrigger(Schedule.Trigger.NONE);
        }
    }

    private static @Nullable Period period(String id, @Nullable String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            Period p = Period.parse(text);
            if (p.isNegative()) {
                problems.add(id + ": negative period " + text);
            }
            return p;
        } catch (DateTimeParseException e) {
            problems.add(id + ": '" + text + "' is not an ISO-8601 period such as P6M");
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static @Nullable String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static Set<String> strings(@Nullable Object o) {
        Set<String> out = new HashSet<>();
        if (o instanceof List<?> l) {
            l.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private static Set<Integer> ints(@Nullable Object o) {
        Set<Integer> out = new HashSet<>();
        strings(o).forEach(v -> out.add(Integer.valueOf(v)));
        return out;
    }
}
