package vn.khien.incidents.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The incident reporting rules of {@code rules/incidents/reporting-deadlines.yaml}: regimes and their limits. */
public final class ReportingRules {

    public static final String DEFAULT_RESOURCE = "rules/incidents/reporting-deadlines.yaml";

    private final ZoneId zone;
    private final List<ReportingRegime> regimes;
    private final List<DeadlineRule> limits;

    public ReportingRules(ZoneId zone, List<ReportingRegime> regimes, List<DeadlineRule> limits) {
        this.zone = zone;
        this.regimes = List.copyOf(regimes);
        this.limits = List.copyOf(limits);
        Set<String> ids = new HashSet<>();
        for (ReportingRegime r : regimes) {
            if (!ids.add(r.id())) {
                throw new IllegalStateException("duplicate regime " + r.id());
            }
        }
        for (ReportingRegime r : regimes) {
            for (String c : r.combines()) {
                if (!ids.contains(c)) {
                    throw new IllegalStateException("regime " + r.id() + " combines unknown regime " + c);
                }
            }
        }
        Set<String> limitIds = new HashSet<>();
        for (DeadlineRule l : limits) {
            if (!limitIds.add(l.id())) {
                throw new IllegalStateException("duplicate limit " + l.id());
            }
            if (!ids.contains(l.regime())) {
                throw new IllegalStateException("limit " + l.id() + " names unknown regime " + l.regime());
            }
            if (l.legalRef() == null || l.legalRef().isBlank()) {
                throw new IllegalStateException("limit " + l.id() + " has no legal_ref");
            }
        }
        // Every local date must fall in exactly one regime.
        List<ReportingRegime> sorted = new ArrayList<>(regimes);
        sorted.sort((a, b) -> a.detectedFrom() == null
                ? -1
                : b.detectedFrom() == null ? 1 : a.detectedFrom().compareTo(b.detectedFrom()));
        for (int i = 0; i < sorted.size(); i++) {
            ReportingRegime r = sorted.get(i);
            if (i == 0 && r.detectedFrom() != null || i == sorted.size() - 1 && r.detectedTo() != null) {
                throw new IllegalStateException("regimes must cover all dates");
            }
            LocalDate previousTo = i > 0 ? sorted.get(i - 1).detectedTo() : null;
            if (i > 0 && (previousTo == null || !previousTo.plusDays(1).equals(r.detectedFrom()))) {
                throw new IllegalStateException(
                        "regimes " + sorted.get(i - 1).id() + " and " + r.id() + " leave a gap or overlap");
            }
        }
    }

    public static ReportingRules loadDefault() {
        try (InputStream in = ReportingRules.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DEFAULT_RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static ReportingRules read(InputStream in) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        ZoneId zone = ZoneId.of(str(root, "zone"));
        List<ReportingRegime> regimes = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) list(root, "regimes")) {
            regimes.add(new ReportingRegime(
                    str(r, "id"),
                    str(r, "name_vi"),
                    str(r, "name_en"),
                    date(r, "detected_from"),
                    date(r, "detected_to"),
                    str(r, "legal_ref"),
                    bool(r, "choice"),
                    opt(r, "choice_vi"),
                    opt(r, "choice_en"),
                    r.get("combines") instanceof List<?> c ? (List<String>) c : List.of(),
                    bool(r, "serious_requires_beyond_capacity"),
                    str(r, "serious_ref")));
        }
        List<DeadlineRule> limits = new ArrayList<>();
        for (Map<String, Object> l : (List<Map<String, Object>>) list(root, "limits")) {
            List<RecipientRole> recipients = new ArrayList<>();
            for (Object o : list(l, "recipients")) {
                recipients.add(RecipientRole.valueOf(o.toString()));
            }
            Object hours = l.get("hours");
            limits.add(new DeadlineRule(
                    str(l, "id"),
                    str(l, "regime"),
                    ReportKind.valueOf(str(l, "kind")),
                    Condition.valueOf(str(l, "applies_when")),
                    Trigger.valueOf(str(l, "from")),
                    hours == null ? null : ((Number) hours).intValue(),
                    recipients,
                    str(l, "legal_ref"),
                    bool(l, "choice")));
        }
        return new ReportingRules(zone, regimes, limits);
    }

    public ZoneId zone() {
        return zone;
    }

    public List<ReportingRegime> regimes() {
        return regimes;
    }

    public List<DeadlineRule> limits() {
        return limits;
    }

    public ReportingRegime regime(String id) {
        return regimes.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown regime " + id));
    }

    /** The regime of a detection time: by its local date in the rules' zone, whatever offset it was given with. */
    public ReportingRegime regimeFor(OffsetDateTime detectedAt) {
        LocalDate day = detectedAt.atZoneSameInstant(zone).toLocalDate();
        return regimes.stream().filter(r -> r.covers(day)).findFirst().orElseThrow();
    }

    /** The limits of a regime, those of the regimes it combines included, in data order. */
    public List<DeadlineRule> limitsOf(ReportingRegime regime) {
        Map<String, DeadlineRule> out = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(regime.combines());
        ids.add(regime.id());
        for (DeadlineRule l : limits) {
            if (ids.contains(l.regime())) {
                out.put(l.id(), l);
            }
        }
        return List.copyOf(out.values());
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalStateException("missing " + key + " in " + m);
        }
        return v.toString();
    }

    /** A list the rules must have: missing, the file is refused like a missing value ({@link #str}). */
    private static List<?> list(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof List<?> v)) {
            throw new IllegalStateException("missing " + key + " in " + m);
        }
        return v;
    }

    private static @Nullable String opt(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static boolean bool(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    private static @Nullable LocalDate date(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(v.toString());
    }
}
