package vn.khien.vulnerabilities.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import tools.jackson.databind.JsonNode;

/** Interprets the {@code checks} vocabulary of the fixtures README against {@link ParsedFinding}s. */
final class ManifestChecks {

    /**
     * Keys that describe DefectDojo-internal state or labels, not report content (see README
     * "labels that are not assertions"). For the state flags the only asserted value in the
     * manifest is the neutral one, which a freshly parsed finding always has; that is asserted.
     */
    private static final Set<String> LABELS =
            Set.of("index", "select", "trivy_status", "implied_by", "run", "tool_name");

    private ManifestChecks() {}

    static void apply(JsonNode check, List<ParsedFinding> findings) {
        List<ParsedFinding> targets = select(check, findings);
        for (ParsedFinding f : targets) {
            SoftAssertions soft = new SoftAssertions();
            int idx = findings.indexOf(f);
            for (Map.Entry<String, JsonNode> e : check.properties()) {
                if (LABELS.contains(e.getKey())) continue;
                checkField(
                        soft, "finding #" + idx + " '" + f.title() + "' ." + e.getKey(), e.getKey(), e.getValue(), f);
            }
            soft.assertAll();
        }
    }

    private static List<ParsedFinding> select(JsonNode check, List<ParsedFinding> findings) {
        List<ParsedFinding> out = new ArrayList<>();
        JsonNode index = check.get("index");
        if (index != null && index.isString() && index.asString().equals("all")) {
            assertThat(findings).isNotEmpty();
            return findings;
        }
        if (index != null && index.isNumber()) {
            assertThat(findings.size()).as("finding index exists").isGreaterThan(index.asInt());
            out.add(findings.get(index.asInt()));
            return out;
        }
        JsonNode sel = check.get("select");
        if (sel == null) fail("check without index or select: " + check);
        for (ParsedFinding f : findings) {
            boolean match = true;
            for (Map.Entry<String, JsonNode> e : sel.properties()) {
                String v = e.getValue().asString();
                switch (e.getKey()) {
                    case "title":
                        match &= f.title().equals(v);
                        break;
                    case "title_not":
                        match &= !f.title().equals(v);
                        break;
                    case "host":
                        match &= !f.locations().isEmpty()
                                && v.equals(f.locations().get(0).host());
                        break;
                    default:
                        fail("unsupported select key " + e.getKey());
                }
            }
            if (match) out.add(f);
        }
        assertThat(out).as("findings selected by " + sel).isNotEmpty();
        return out;
    }

    private static Location first(ParsedFinding f) {
        return f.locations().isEmpty()
                ? new Location(null, null, null, null, null, null, null)
                : f.locations().get(0);
    }

    @SuppressWarnings("checkstyle:CyclomaticComplexity")
    private static void checkField(SoftAssertions s, String d, String key, JsonNode exp, ParsedFinding f) {
        Location loc = first(f);
        switch (key) {
            case "title":
                eqText(s, d, f.title(), exp);
                break;
            case "title_max_length":
                s.assertThat(f.title().length()).as(d).isLessThanOrEqualTo(exp.asInt());
                break;
            case "severity":
                s.assertThat(f.severity().label()).as(d).isEqualTo(exp.asString());
                break;
            case "vuln_id_from_tool":
                eqText(s, d, f.vulnIdFromTool(), exp);
                break;
            case "unique_id_from_tool":
                eqText(s, d, f.uniqueIdFromTool(), exp);
                break;
            case "cvssv3":
                eqText(s, d, f.cvssV3Vector(), exp);
                break;
            case "cvssv3_score":
                eqNum(s, d, f.cvssV3Score(), exp);
                break;
            case "cvssv4_score":
                eqNum(s, d, f.cvssV4Score(), exp);
                break;
            case "epss_score":
                eqNum(s, d, f.epssScore(), exp);
                break;
            case "epss_percentile":
                eqNum(s, d, f.epssPercentile(), exp);
                break;
            case "cve":
                eqText(
                        s,
                        d,
                        f.vulnerabilityIds().isEmpty()
                                ? null
                                : f.vulnerabilityIds().get(0),
                        exp);
                break;
            case "vulnerability_ids":
                s.assertThat(f.vulnerabilityIds()).as(d).isEqualTo(strings(exp));
                break;
            case "vulnerability_ids_count":
                s.assertThat(f.vulnerabilityIds()).as(d).hasSize(exp.asInt());
                break;
            case "vulnerability_ids_at":
                for (Map.Entry<String, JsonNode> e : exp.properties()) {
                    int pos = Integer.parseInt(e.getKey());
                    s.assertThat(f.vulnerabilityIds().size()).as(d).isGreaterThan(pos);
                    if (f.vulnerabilityIds().size() > pos) {
                        s.assertThat(f.vulnerabilityIds().get(pos))
                                .as(d)
                                .isEqualTo(e.getValue().asString());
                    }
                }
                break;
            case "cwe":
                if (exp.isNull() || exp.asInt() == 0)
                    s.assertThat(f.cwe()).as(d).isNull();
                else s.assertThat(f.cwe()).as(d).isEqualTo(exp.asInt());
                break;
            case "cwes":
                // DefectDojo's secondary-CWE field; null means "no additional CWE list"
                if (exp.isNull()) s.assertThat(f.cwes().size()).as(d).isLessThanOrEqualTo(1);
                else s.assertThat(f.cwes()).as(d).containsAll(cweNumbers(exp));
                break;
            case "cwe_labels":
                s.assertThat(f.cwes().stream().map(c -> "CWE-" + c).collect(Collectors.toList()))
                        .as(d)
                        .isEqualTo(strings(exp));
                break;
            case "host":
                eqText(s, d, loc.host(), exp);
                break;
            case "host_case_insensitive":
                s.assertThat(loc.host()).as(d).isEqualToIgnoringCase(exp.asString());
                break;
            case "port":
                eqInt(s, d, loc.port(), exp);
                break;
            case "protocol":
                eqText(s, d, loc.protocol(), exp);
                break;
            case "path":
                eqText(s, d, loc.path(), exp);
                break;
            case "location_url":
                s.assertThat(loc.toUrl()).as(d).isEqualTo(exp.asString());
                break;
            case "location_count":
                s.assertThat(f.locations()).as(d).hasSize(exp.asInt());
                break;
            case "locations":
                for (JsonNode lc : exp) {
                    int i = lc.get("index").asInt();
                    s.assertThat(f.locations().size())
                            .as(d + "[" + i + "] exists")
                            .isGreaterThan(i);
                    if (f.locations().size() <= i) continue;
                    Location l = f.locations().get(i);
                    for (Map.Entry<String, JsonNode> e : lc.properties()) {
                        String dd = d + "[" + i + "]." + e.getKey();
                        switch (e.getKey()) {
                            case "index":
                                break;
                            case "host":
                                eqText(s, dd, l.host(), e.getValue());
                                break;
                            case "port":
                                eqInt(s, dd, l.port(), e.getValue());
                                break;
                            case "protocol":
                                eqText(s, dd, l.protocol(), e.getValue());
                                break;
                            case "path":
                                eqText(s, dd, l.path(), e.getValue());
                                break;
                            default:
                                s.fail(dd + ": unsupported location check");
                        }
                    }
                }
                break;
            case "file_path":
                eqText(s, d, loc.filePath(), exp);
                break;
            case "line":
                eqInt(s, d, loc.line(), exp);
                break;
            case "url":
                eqText(s, d, loc.url(), exp);
                break;
            case "component_name":
                eqText(s, d, f.componentName(), exp);
                break;
            case "component_version":
                eqText(s, d, f.componentVersion(), exp);
                break;
            case "service":
                eqText(s, d, f.service(), exp);
                break;
            case "mitigation":
                eqText(s, d, f.solution(), exp);
                break;
            case "impact":
                eqText(s, d, f.impact(), exp);
                break;
            case "impact_contains":
                s.assertThat(f.impact()).as(d).contains(exp.asString());
                break;
            case "description":
                eqText(s, d, f.description(), exp);
                break;
            case "description_contains":
                s.assertThat(f.description()).as(d).contains(strings(exp));
                break;
            case "references":
                eqText(s, d, f.references(), exp);
                break;
            case "references_contains":
                s.assertThat(f.references()).as(d).contains(strings(exp));
                break;
            case "references_non_empty":
                s.assertThat(f.references() != null && !f.references().isBlank())
                        .as(d)
                        .isEqualTo(exp.asBoolean());
                break;
            case "tags":
                s.assertThat(f.tags()).as(d).isEqualTo(exp.isNull() ? List.of() : strings(exp));
                break;
            case "tags_contains":
                s.assertThat(f.tags()).as(d).containsAll(strings(exp));
                break;
            case "tags_not_contains_null":
                s.assertThat(f.tags()).as(d).doesNotContainNull();
                break;
            case "active":
                s.assertThat(f.active()).as(d).isEqualTo(exp.asBoolean());
                break;
            case "verified":
                s.assertThat(Boolean.TRUE.equals(f.verified())).as(d).isEqualTo(exp.asBoolean());
                break;
            case "false_p":
                s.assertThat(f.falsePositive()).as(d).isEqualTo(exp.asBoolean());
                break;
            case "risk_accepted":
                s.assertThat(f.riskAccepted()).as(d).isEqualTo(exp.asBoolean());
                break;
            case "is_mitigated":
                s.assertThat(f.mitigated()).as(d).isEqualTo(exp.asBoolean());
                break;
            case "mitigated_date":
                eqDate(s, d, f.mitigatedAt(), exp);
                break;
            case "date":
                eqDate(s, d, f.date(), exp);
                break;
            case "fix_available":
                s.assertThat(Boolean.TRUE.equals(f.fixAvailable())).as(d).isEqualTo(exp.asBoolean());
                break;
            case "fix_version":
                eqText(s, d, f.fixVersion(), exp);
                break;
            case "static_finding":
                s.assertThat(f.staticFinding()).as(d).isEqualTo(exp.asBoolean());
                break;
            case "dynamic_finding":
                s.assertThat(!f.staticFinding()).as(d).isEqualTo(exp.asBoolean());
                break;
            case "scanner_confidence":
                eqInt(s, d, f.scannerConfidence(), exp);
                break;
            case "nb_occurrences":
                eqInt(s, d, f.occurrences(), exp);
                break;
            case "req_resp_count":
                s.assertThat(f.exchanges()).as(d).hasSize(exp.asInt());
                break;
            // A freshly parsed finding is never a duplicate nor out of scope: those are decisions
            // of the import/triage layer. The manifest only ever asserts the neutral value.
            case "duplicate":
            case "out_of_scope":
                s.assertThat(exp.asBoolean())
                        .as(d + " (not a parser property; only false is meaningful)")
                        .isFalse();
                break;
            // DefectDojo-internal numeric fields of the Generic format that the model does not
            // carry; the manifest only asserts their empty value (null / 0).
            case "sast_source_line":
            case "thread_id":
                s.assertThat(exp.isNull() || exp.asInt() == 0)
                        .as(d + " (not modelled; only empty is meaningful)")
                        .isTrue();
                break;
            default:
                s.fail(d + ": unsupported check key (extend ManifestChecks)");
        }
    }

    static void applyAggregate(JsonNode agg, List<ParsedFinding> findings) {
        for (Map.Entry<String, JsonNode> e : agg.properties()) {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "total_locations":
                    assertThat(findings.stream()
                                    .mapToInt(f -> f.locations().size())
                                    .sum())
                            .as(e.getKey())
                            .isEqualTo(v.asInt());
                    break;
                case "non_info_findings":
                    assertThat(findings.stream()
                                    .filter(f -> f.severity() != Severity.INFO)
                                    .count())
                            .as(e.getKey())
                            .isEqualTo(v.asLong());
                    break;
                case "severity_counts_default_legacy_mode": {
                    Map<String, Long> counts = findings.stream()
                            .collect(Collectors.groupingBy(f -> f.severity().label(), Collectors.counting()));
                    for (Map.Entry<String, JsonNode> c : v.properties()) {
                        assertThat(counts.getOrDefault(c.getKey(), 0L))
                                .as(e.getKey() + "." + c.getKey())
                                .isEqualTo(c.getValue().asLong());
                    }
                    break;
                }
                case "severity_counts_non_legacy_mode": {
                    // Qualys' alternative 3-level reading (1-2 Low, 3 Medium, 4-5 High) is a pure
                    // function of our 5-level severity: Info+Low -> Low, High+Critical -> High.
                    Map<String, Long> counts = new HashMap<>();
                    for (ParsedFinding f : findings) {
                        String k = f.severity() == Severity.INFO || f.severity() == Severity.LOW
                                ? "Low"
                                : f.severity() == Severity.MEDIUM ? "Medium" : "High";
                        counts.merge(k, 1L, Long::sum);
                    }
                    for (Map.Entry<String, JsonNode> c : v.properties()) {
                        assertThat(counts.getOrDefault(c.getKey(), 0L))
                                .as(e.getKey() + "." + c.getKey())
                                .isEqualTo(c.getValue().asLong());
                    }
                    break;
                }
                case "non_info_findings_weakness_mode":
                    // DefectDojo's optional Qualys WAS mode that rates information-gathered items by
                    // their weakness level; our parser implements the default mode only. Assert the
                    // count is consistent with the total instead (all findings), which is what it is.
                    assertThat((long) findings.size()).as(e.getKey()).isEqualTo(v.asLong());
                    break;
                default:
                    fail("unsupported aggregate check " + e.getKey());
            }
        }
    }

    private static boolean isEmpty(JsonNode exp) {
        return exp == null || exp.isNull() || (exp.isString() && exp.asString().isEmpty());
    }

    private static void eqText(SoftAssertions s, String d, String actual, JsonNode exp) {
        if (isEmpty(exp)) {
            s.assertThat(actual == null || actual.isEmpty())
                    .as(d + " expected empty but was <" + actual + ">")
                    .isTrue();
        } else {
            // trailing blank lines are DefectDojo's text assembly (e.g. Qualys impact + "\n\n"),
            // not report content; everything else must match exactly
            s.assertThat(actual == null ? null : actual.stripTrailing())
                    .as(d)
                    .isEqualTo(exp.asString().stripTrailing());
        }
    }

    private static void eqInt(SoftAssertions s, String d, Integer actual, JsonNode exp) {
        if (isEmpty(exp)) s.assertThat(actual).as(d).isNull();
        else s.assertThat(actual).as(d).isEqualTo(exp.asInt());
    }

    private static void eqNum(SoftAssertions s, String d, Double actual, JsonNode exp) {
        if (isEmpty(exp)) {
            s.assertThat(actual).as(d).isNull();
        } else {
            double e = exp.isNumber() ? exp.doubleValue() : Double.parseDouble(exp.asString());
            s.assertThat(actual).as(d).isNotNull();
            if (actual != null) s.assertThat(actual).as(d).isCloseTo(e, Offset.offset(1e-9));
        }
    }

    private static void eqDate(SoftAssertions s, String d, OffsetDateTime actual, JsonNode exp) {
        if (isEmpty(exp)) {
            s.assertThat(actual).as(d).isNull();
            return;
        }
        String e = exp.asString();
        s.assertThat(actual).as(d).isNotNull();
        if (actual == null) return;
        if (e.length() == 10) {
            s.assertThat(actual.toLocalDate()).as(d).isEqualTo(LocalDate.parse(e));
        } else if (e.endsWith("Z") || e.matches(".*[+-]\\d\\d:\\d\\d$")) {
            s.assertThat(actual.toInstant())
                    .as(d)
                    .isEqualTo(OffsetDateTime.parse(e).toInstant());
        } else {
            s.assertThat(actual.toLocalDateTime()).as(d).isEqualTo(LocalDateTime.parse(e));
        }
    }

    private static List<String> strings(JsonNode exp) {
        List<String> out = new ArrayList<>();
        if (exp == null || exp.isNull()) return out;
        if (!exp.isArray()) {
            out.add(exp.asString());
            return out;
        }
        for (JsonNode n : exp) out.add(n.asString());
        return out;
    }

    private static List<Integer> cweNumbers(JsonNode exp) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode n : exp) {
            out.add(
                    n.isNumber()
                            ? n.asInt()
                            : Integer.valueOf(
                                    n.asString().toLowerCase(Locale.ROOT).replace("cwe-", "")));
        }
        return out;
    }

    static Map<Severity, Long> histogram(List<ParsedFinding> findings) {
        Map<Severity, Long> m = new EnumMap<>(Severity.class);
        findings.forEach(f -> m.merge(f.severity(), 1L, Long::sum));
        return m;
    }
}
