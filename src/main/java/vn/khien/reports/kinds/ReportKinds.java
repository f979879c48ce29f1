package vn.khien.reports.kinds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The report kinds of {@code rules/reports/report-kinds.yaml}, loaded once; a malformed file stops the start. */
@Component
public class ReportKinds {

    public static final String RESOURCE = "rules/reports/report-kinds.yaml";

    private final String version;
    private final Map<String, ReportKind> kinds = new LinkedHashMap<>();
    private final Map<String, List<String>> kindsByDuty = new LinkedHashMap<>();

    public ReportKinds() {
        this(RESOURCE);
    }

    ReportKinds(String resource) {
        Map<String, Object> root;
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        version = String.valueOf(root.get("version"));
        for (Map<String, Object> k : maps(root.get("kinds"))) {
            ReportKind kind = read(k);
            if (kinds.put(kind.id(), kind) != null) {
                throw new IllegalStateException(resource + ": kind " + kind.id() + " listed twice");
            }
            Object duty = k.get("duty_rule");
            if (duty != null) {
                kindsByDuty
                        .computeIfAbsent(String.valueOf(duty), r -> new ArrayList<>())
                        .add(kind.id());
            }
        }
    }

    public String version() {
        return version;
    }

    public List<ReportKind> all() {
        return List.copyOf(kinds.values());
    }

    /**
     * The recurring duties (obligation rule ids, e.g. R33) that a submitted report of a kind meets, from the kinds'
     * {@code duty_rule}: rule id → kind ids.
     */
    public Map<String, List<String>> kindsByDuty() {
        return Map.copyOf(kindsByDuty);
    }

    public Optional<ReportKind> find(String id) {
        return Optional.ofNullable(id == null ? null : kinds.get(id));
    }

    @SuppressWarnings("unchecked")
    private static ReportKind read(Map<String, Object> k) {
        String id = required(k, "id");
        Map<String, Object> period = (Map<String, Object>) present(k, "period");
        ReportPeriod.PeriodType type = ReportPeriod.PeriodType.valueOf(String.valueOf(period.get("type")));
        if ((type == ReportPeriod.PeriodType.HALF_YEAR_FROM || type == ReportPeriod.PeriodType.HALF_YEAR_AND_YEAR_FROM)
                && (period.get("start_month") == null
                        || period.get("start_day") == null
                        || period.get("legal_source") == null)) {
            throw new IllegalStateException(
                    RESOURCE + ": kind " + id + ": " + type + " needs start_month, start_day and legal_source");
        }
        ReportPeriod.PeriodRule rule = new ReportPeriod.PeriodRule(
                type, intOr(period.get("start_month"), 1), intOr(period.get("start_day"), 1));
        Map<String, Object> due = (Map<String, Object>) present(k, "due");
        List<ReportKind.Section> sections = new ArrayList<>();
        for (Map<String, Object> s : maps(k.get("sections"))) {
            sections.add(new ReportKind.Section(
                    required(s, "key"),
                    required(s, "title_vi"),
                    (String) s.get("title_en"),
                    ((List<Object>) present(s, "figures"))
                            .stream().map(String::valueOf).toList(),
                    Boolean.TRUE.equals(s.get("by_unit"))));
        }
        List<String> requires = k.get("requires_figures") == null
                ? List.of()
                : ((List<Object>) k.get("requires_figures"))
                        .stream().map(String::valueOf).toList();
        return new ReportKind(
                id,
                required(k, "title_vi"),
                (String) k.get("title_en"),
                required(k, "legal_source"),
                String.valueOf(k.get("confidence")),
                date(present(k, "effective_from")),
                k.get("effective_to") == null ? null : date(k.get("effective_to")),
                rule,
                dueRule(id, due.get("UNIT")),
                dueRule(id, due.get("COMPILER")),
                k.get("due_year") == null ? null : dueRule(id, k.get("due_year")),
                Boolean.TRUE.equals(k.get("form08_table")),
                List.copyOf(sections),
                requires,
                period.get("legal_source") == null ? null : String.valueOf(period.get("legal_source")),
                drafter(id, k.get("drafted_by_designated")),
                // the short name a downloaded file starts with (rule data file_name_vi), else the title
                k.get("file_name_vi") == null ? required(k, "title_vi") : String.valueOf(k.get("file_name_vi")));
    }

    @SuppressWarnings("unchecked")
    private static ReportKind.@Nullable DesignatedDrafter drafter(String id, @Nullable Object node) {
        if (node == null) {
            return null;
        }
        Map<String, Object> m = (Map<String, Object>) node;
        String role = required(m, "authority_role");
        String capability = required(m, "capability");
        if (!role.matches("[A-Z_]+") || !capability.matches("[A-Z_]+")) {
            throw new IllegalStateException(RESOURCE + ": kind " + id + ": drafted_by_designated names " + m);
        }
        return new ReportKind.DesignatedDrafter(role, capability, required(m, "legal_source"));
    }

    @SuppressWarnings("unchecked")
    private static ReportKind.DueRule dueRule(String id, @Nullable Object node) {
        if (!(node instanceof Map)) {
            throw new IllegalStateException(RESOURCE + ": kind " + id + " needs due rules for UNIT and COMPILER");
        }
        Map<String, Object> m = (Map<String, Object>) node;
        Object month = m.get("month");
        return new ReportKind.DueRule(
                "LAST".equals(String.valueOf(month)) ? 0 : intOr(month, 0), intOr(m.get("before_day"), 1));
    }

    private static LocalDate date(Object value) {
        return value instanceof java.util.Date d
                ? new java.sql.Date(d.getTime()).toLocalDate()
                : LocalDate.parse(String.valueOf(value));
    }

    private static int intOr(@Nullable Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(String.valueOf(value));
    }

    private static Object present(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalStateException(RESOURCE + ": missing " + key + " in " + m);
        }
        return v;
    }

    private static String required(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalStateException(RESOURCE + ": missing " + key + " in " + m);
        }
        return String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(@Nullable Object node) {
        return node == null ? List.of() : (List<Map<String, Object>>) node;
    }
}
