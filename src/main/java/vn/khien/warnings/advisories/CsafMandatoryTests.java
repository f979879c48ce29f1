package vn.khien.warnings.advisories;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The mandatory tests of CSAF 2.0 (OASIS CSAF Version 2.0, §6.1.1 to §6.1.33): a document that fails one is not a
 * valid CSAF document, whatever its schema says. Each test reports the JSON pointer of what fails, with the
 * semantics of the specification as the reference implementation (secvisogram csaf-validator-lib) reads them. Written
 * by hand because no Java library implements them (ADR 0056).
 */
final class CsafMandatoryTests {

    /** One failed test: its number in the specification, the JSON pointer of the failing value, and why. */
    record Violation(String test, String pointer, String message) {}

    /** A CSAF document that fails mandatory tests: every failure (capped) and how many there were. */
    static final class Failed extends FeedException {
        private final List<Violation> violations;
        private final int total;

        Failed(List<Violation> all) {
            this(all, all.size());
        }

        /** {@code total}: how many failures there were, of which {@code listed} are the first. */
        Failed(List<Violation> listed, int total) {
            super("CSAF 2.0 mandatory test " + listed.get(0).test() + " fails at "
                    + listed.get(0).pointer() + ": " + listed.get(0).message());
            this.violations = List.copyOf(listed.subList(0, Math.min(listed.size(), SchemaCheck.MAX_ERRORS)));
            this.total = Math.max(total, violations.size());
        }

        List<Violation> violations() {
            return violations;
        }

        int total() {
            return total;
        }
    }

    /** Every test of §6.1, in the specification's order. */
    static final List<String> TESTS = List.of(
            "6.1.1",
            "6.1.2",
            "6.1.3",
            "6.1.4",
            "6.1.5",
            "6.1.6",
            "6.1.7",
            "6.1.8",
            "6.1.9",
            "6.1.10",
            "6.1.11",
            "6.1.12",
            "6.1.13",
            "6.1.14",
            "6.1.15",
            "6.1.16",
            "6.1.17",
            "6.1.18",
            "6.1.19",
            "6.1.20",
            "6.1.21",
            "6.1.22",
            "6.1.23",
            "6.1.24",
            "6.1.25",
            "6.1.26",
            "6.1.27.1",
            "6.1.27.2",
            "6.1.27.3",
            "6.1.27.4",
            "6.1.27.5",
            "6.1.27.6",
            "6.1.27.7",
            "6.1.27.8",
            "6.1.27.9",
            "6.1.27.10",
            "6.1.27.11",
            "6.1.28",
            "6.1.29",
            "6.1.30",
            "6.1.31",
            "6.1.32",
            "6.1.33");

    /** Every product status list of a vulnerability (§3.2.3.9). */
    static final List<String> STATUS_LISTS = List.of(
            "first_affected",
            "first_fixed",
            "fixed",
            "known_affected",
            "known_not_affected",
            "last_affected",
            "recommended",
            "under_investigation");

    /** Semantic Versioning 2.0.0 (its own regular expression, §"Is there a suggested regular expression"). */
    private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    private static final Pattern INTEGER = Pattern.compile("^(0|[1-9]\\d*)$");
    private static final Pattern LEADING_INT = Pattern.compile("^\\s*(\\d+)");

    private static final Set<String> PROFILES = Set.of(
            "csaf_base",
            "csaf_security_incident_response",
            "csaf_informational_advisory",
            "csaf_security_advisory",
            "csaf_vex");
    private static final Set<String> PROFILE_NAMES = Set.of(
            "securityincidentresponse",
            "informationaladvisory",
            "securityadvisory",
            "vex",
            "csafsecurityincidentresponse",
            "csafinformationaladvisory",
            "csafsecurityadvisory",
            "csafvex");
    private static final List<String> RANGE_SIGNS = List.of("<", "<=", ">", ">=");
    private static final Set<String> RANGE_WORDS =
            Set.of("after", "all", "before", "earlier", "later", "prior", "versions");

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static volatile Map<String, String> cwe;

    private CsafMandatoryTests() {}

    /**
     * The tests whose failure changes what Khiên reads from a document (which products, in which status, matched how,
     * for which CVE, answered how): an import refuses a document failing one of them. The others (revision history
     * bookkeeping, CVSS arithmetic, CWE names, language tags, notes) do not change the match; real publishers' files
     * fail some of them (a Red Hat VEX of the shared fixtures fails 6.1.16), so an import accepts them (ADR 0056).
     */
    static final Set<String> REFUSED_ON_IMPORT = Set.of(
            "6.1.1",
            "6.1.2",
            "6.1.3",
            "6.1.4",
            "6.1.5",
            "6.1.6",
            "6.1.13",
            "6.1.23",
            "6.1.27.3",
            "6.1.27.4",
            "6.1.27.6",
            "6.1.27.7",
            "6.1.27.8",
            "6.1.27.11",
            "6.1.29",
            "6.1.31",
            "6.1.32",
            "6.1.33");

    /** Throws {@link Failed} when the document fails any mandatory test. */
    static void check(JsonNode doc) {
        List<Violation> all = run(doc);
        if (!all.isEmpty()) {
            throw new Failed(all);
        }
    }

    /** Throws {@link Failed} when the document fails a test of {@link #REFUSED_ON_IMPORT}. */
    static void checkForImport(JsonNode doc) {
        List<Violation> refused = run(doc).stream()
                .filter(v -> REFUSED_ON_IMPORT.contains(v.test()))
                .toList();
        if (!refused.isEmpty()) {
            throw new Failed(refused);
        }
    }

    /** Every failure of every mandatory test, in the specification's order. */
    static List<Violation> run(JsonNode doc) {
        Run r = new Run(doc);
        r.productIds();
        r.circular();
        r.groupIds();
        r.contradictingStatus();
        r.scores();
        r.cwe();
        r.language();
        r.purl();
        r.revisionHistory();
        r.vulnerabilityIds();
        r.hashes();
        r.categoryName();
        r.profiles();
        r.references();
        r.versionRanges();
        r.vexFlags();
        List<Violation> out = new ArrayList<>(r.out);
        out.sort(Comparator.comparingInt(v -> TESTS.indexOf(v.test())));
        return out;
    }

    private static final class Run {
        final JsonNode doc;
        final JsonNode document;
        final JsonNode tree;
        final List<JsonNode> vulns = new ArrayList<>();
        final List<Violation> out = new ArrayList<>();

        Run(JsonNode doc) {
            this.doc = doc;
            this.document = doc.path("document");
            this.tree = doc.path("product_tree");
            for (JsonNode v : Json.each(doc.get("vulnerabilities"))) {
                vulns.add(v);
            }
        }

        void fail(String test, String pointer, String message) {
            out.add(new Violation(test, pointer, message));
        }

        String category() {
            return str(document.get("category"));
        }

        // 6.1.1, 6.1.2: every product id referenced is defined, and defined once
        void productIds() {
            Map<String, String> defined = new HashMap<>();
            eachProduct((product, pointer) -> {
                String id = str(product.get("product_id"));
                if (id != null && defined.putIfAbsent(id, pointer) != null) {
                    fail(
                            "6.1.2",
                            pointer + "/product_id",
                            "product id " + id + " is already defined at " + defined.get(id));
                }
            });
            List<String[]> refs = new ArrayList<>();
            eachString(tree.get("product_groups"), "/product_tree/product_groups", "product_ids", refs);
            int i = 0;
            for (JsonNode rel : Json.each(tree.get("relationships"))) {
                for (String key : List.of("product_reference", "relates_to_product_reference")) {
                    String id = str(rel.get(key));
                    if (id != null) {
                        refs.add(new String[] {id, "/product_tree/relationships/" + i + "/" + key});
                    }
                }
                i++;
            }
            int vi = 0;
            for (JsonNode v : vulns) {
                String p = "/vulnerabilities/" + vi;
                JsonNode status = v.path("product_status");
                for (String list : STATUS_LISTS) {
                    int j = 0;
                    for (JsonNode id : Json.each(status.get(list))) {
                        if (str(id) != null) {
                            refs.add(new String[] {str(id), p + "/product_status/" + list + "/" + j});
                        }
                        j++;
                    }
                }
                eachString(v.get("remediations"), p + "/remediations", "product_ids", refs);
                eachString(v.get("scores"), p + "/scores", "products", refs);
                eachString(v.get("threats"), p + "/threats", "product_ids", refs);
                eachString(v.get("flags"), p + "/flags", "product_ids", refs);
                vi++;
            }
            undefined("6.1.1", "product id", defined, refs);
        }

        // 6.1.3: a relationship's product does not end up referring to itself
        void circular() {
            List<JsonNode> rels = new ArrayList<>();
            Json.each(tree.get("relationships")).forEach(rels::add);
            Map<String, Integer> byId = new HashMap<>();
            for (int i = 0; i < rels.size(); i++) {
                String id = str(rels.get(i).path("full_product_name").get("product_id"));
                if (id != null) {
                    byId.putIfAbsent(id, i);
                }
            }
            for (int i = 0; i < rels.size(); i++) {
                for (String key : List.of("product_reference", "relates_to_product_reference")) {
                    if (reaches(rels, byId, str(rels.get(i).get(key)), i, new HashSet<>())) {
                        fail(
                                "6.1.3",
                                "/product_tree/relationships/" + i + "/" + key,
                                "circular definition of " + "product id "
                                        + str(rels.get(i)
                                                .path("full_product_name")
                                                .get("product_id")));
                    }
                }
            }
        }

        private boolean reaches(
                List<JsonNode> rels, Map<String, Integer> byId, String ref, int target, Set<Integer> seen) {
            Integer at = ref == null ? null : byId.get(ref);
            if (at == null) {
                return false;
            }
            if (at == target) {
                return true;
            }
            if (!seen.add(at)) {
                return false;
            }
            JsonNode rel = rels.get(at);
            return reaches(rels, byId, str(rel.get("product_reference")), target, seen)
                    || reaches(rels, byId, str(rel.get("relates_to_product_reference")), target, seen);
        }

        // 6.1.4, 6.1.5: every group id referenced is defined, and defined once
        void groupIds() {
            Map<String, String> defined = new HashMap<>();
            int i = 0;
            for (JsonNode g : Json.each(tree.get("product_groups"))) {
                String id = str(g.get("group_id"));
                String pointer = "/product_tree/product_groups/" + i + "/group_id";
                if (id != null && defined.putIfAbsent(id, pointer) != null) {
                    fail("6.1.5", pointer, "group id " + id + " is already defined at " + defined.get(id));
                }
                i++;
            }
            List<String[]> refs = new ArrayList<>();
            int vi = 0;
            for (JsonNode v : vulns) {
                String p = "/vulnerabilities/" + vi;
                eachString(v.get("remediations"), p + "/remediations", "group_ids", refs);
                eachString(v.get("threats"), p + "/threats", "group_ids", refs);
                eachString(v.get("flags"), p + "/flags", "group_ids", refs);
                vi++;
            }
            undefined("6.1.4", "group id", defined, refs);
        }

        /** Each reference (id, pointer) to an id that is not defined. */
        private void undefined(String test, String what, Map<String, String> defined, List<String[]> refs) {
            for (String[] ref : refs) {
                if (!defined.containsKey(ref[0])) {
                    fail(test, ref[1], what + " " + ref[0] + " is not defined in the product tree");
                }
            }
        }

        // 6.1.6: no product in two contradicting status groups (affected, not affected, fixed, under investigation)
        void contradictingStatus() {
            List<List<String>> groups = List.of(
                    List.of("first_affected", "known_affected", "last_affected"),
                    List.of("known_not_affected"),
                    List.of("first_fixed", "fixed"),
                    List.of("under_investigation"));
            int vi = 0;
            for (JsonNode v : vulns) {
                JsonNode status = v.get("product_status");
                if (status != null && status.isObject()) {
                    List<Set<String>> sets = new ArrayList<>();
                    for (List<String> group : groups) {
                        Set<String> ids = new LinkedHashSet<>();
                        group.forEach(list -> ids.addAll(Json.texts(status.get(list))));
                        sets.add(ids);
                    }
                    for (int g = 0; g < sets.size(); g++) {
                        for (String id : sets.get(g)) {
                            for (int h = g + 1; h < sets.size(); h++) {
                                if (sets.get(h).contains(id)) {
                                    fail(
                                            "6.1.6",
                                            "/vulnerabilities/" + vi + "/product_status",
                                            "product id " + id + " is in contradicting product status groups");
                                }
                            }
                        }
                    }
                }
                vi++;
            }
        }

        // 6.1.7 to 6.1.10: CVSS objects
        void scores() {
            int vi = 0;
            for (JsonNode v : vulns) {
                Map<String, Set<String>> versions = new HashMap<>();
                int si = 0;
                for (JsonNode score : Json.each(v.get("scores"))) {
                    String p = "/vulnerabilities/" + vi + "/scores/" + si;
                    JsonNode v2 = score.get("cvss_v2");
                    JsonNode v3 = score.get("cvss_v3");
                    int pi = 0;
                    for (JsonNode product : Json.each(score.get("products"))) {
                        Set<String> seen = versions.computeIfAbsent(String.valueOf(str(product)), k -> new HashSet<>());
                        String version2 = v2 == null ? null : str(v2.get("version"));
                        String version3 = v3 == null ? null : str(v3.get("version"));
                        if (version2 != null && seen.contains(version2)
                                || version3 != null && seen.contains(version3)) {
                            fail(
                                    "6.1.7",
                                    p + "/products/" + pi,
                                    "product " + str(product) + " already has a score of CVSS version "
                                            + (version3 != null ? version3 : version2));
                        }
                        if (version2 != null) {
                            seen.add(version2);
                        }
                        if (version3 != null) {
                            seen.add(version3);
                        }
                        pi++;
                    }
                    if (v2 != null) {
                        for (SchemaCheck.Violation e : SchemaCheck.cvss("2.0", v2)) {
                            fail("6.1.8", p + "/cvss_v2" + e.pointer(), e.message());
                        }
                        cvssV2(v2, p + "/cvss_v2");
                    }
                    if (v3 != null) {
                        String version = str(v3.get("version"));
                        for (SchemaCheck.Violation e : SchemaCheck.cvss("3.1".equals(version) ? "3.1" : "3.0", v3)) {
                            fail("6.1.8", p + "/cvss_v3" + e.pointer(), e.message());
                        }
                        cvssV3(v3, p + "/cvss_v3");
                    }
                    si++;
                }
                vi++;
            }
        }

        private void cvssV2(JsonNode cvss, String pointer) {
            String vector = str(cvss.get("vectorString"));
            if (vector == null) {
                return;
            }
            Cvss.Scores s = Cvss.v2(vector);
            if (s != null) {
                JsonNode env = cvss.get("environmentalScore");
                boolean noEnvironmentalMetrics =
                        List.of("CDP", "TD", "CR", "IR", "AR").stream().noneMatch(k -> vector.contains(k + ":"));
                // without environmental metrics, the reference implementation takes the base score as environmental
                computed(
                        cvss,
                        pointer,
                        noEnvironmentalMetrics && env != null && env.isNumber() && env.asDouble() == s.base()
                                ? new Cvss.Scores(s.base(), s.temporal(), s.base())
                                : s);
            }
            consistent(cvss, pointer, vector, Cvss.V2);
        }

        private void cvssV3(JsonNode cvss, String pointer) {
            String vector = str(cvss.get("vectorString"));
            String version = str(cvss.get("version"));
            if (vector == null || !("3.0".equals(version) || "3.1".equals(version))) {
                return;
            }
            Cvss.Scores s = Cvss.v3(vector, version);
            if (s != null) {
                computed(cvss, pointer, s);
                severity(cvss, pointer, "baseSeverity", s.base());
                severity(cvss, pointer, "temporalSeverity", s.temporal());
                severity(cvss, pointer, "environmentalSeverity", s.environmental());
            }
            int slash = vector.indexOf('/');
            consistent(cvss, pointer, slash < 0 ? "" : vector.substring(slash + 1), Cvss.V3);
        }

        private void computed(JsonNode cvss, String pointer, Cvss.Scores s) {
            Map<String, Double> expected = Map.of(
                    "baseScore", s.base(), "temporalScore", s.temporal(), "environmentalScore", s.environmental());
            for (String name : List.of("baseScore", "temporalScore", "environmentalScore")) {
                JsonNode given = cvss.get(name);
                if (given != null && given.isNumber() && given.asDouble() != expected.get(name)) {
                    fail(
                            "6.1.9",
                            pointer + "/" + name,
                            name + " " + given.asDouble() + " is not the " + expected.get(name)
                                    + " that the vector string gives");
                }
            }
        }

        private void severity(JsonNode cvss, String pointer, String name, double score) {
            String given = str(cvss.get(name));
            if (given != null && !given.equals(Cvss.severity(score))) {
                fail(
                        "6.1.9",
                        pointer + "/" + name,
                        name + " " + given + " is not the " + Cvss.severity(score) + " that the vector string gives");
            }
        }

        private void consistent(JsonNode cvss, String pointer, String vector, List<Cvss.Metric> metrics) {
            for (String part : vector.split("/")) {
                String[] kv = part.split(":", 2);
                if (kv.length < 2) {
                    continue;
                }
                for (Cvss.Metric m : metrics) {
                    if (!m.key().equals(kv[0])) {
                        continue;
                    }
                    String given = str(cvss.get(m.property()));
                    String expected = m.values().entrySet().stream()
                            .filter(e -> e.getValue().equals(kv[1]))
                            .map(Map.Entry::getKey)
                            .findFirst()
                            .orElse(null);
                    if (given != null && expected != null && !given.equals(expected)) {
                        fail(
                                "6.1.10",
                                pointer + "/" + m.property(),
                                m.property() + " " + given + " contradicts the vector string (" + part + ")");
                    }
                }
            }
        }

        // 6.1.11: a CWE exists, with its name
        void cwe() {
            int vi = 0;
            for (JsonNode v : vulns) {
                String id = str(v.path("cwe").get("id"));
                String name = str(v.path("cwe").get("name"));
                if (id != null && name != null) {
                    String known = cweNames().get(id);
                    if (known == null) {
                        fail("6.1.11", "/vulnerabilities/" + vi + "/cwe/id", id + " is not a CWE weakness");
                    } else if (!known.equals(name)) {
                        fail(
                                "6.1.11",
                                "/vulnerabilities/" + vi + "/cwe/name",
                                "the name of " + id + " is \"" + known + "\"");
                    }
                }
                vi++;
            }
        }

        // 6.1.12: lang and source_lang are valid BCP 47 language tags
        void language() {
            for (String key : List.of("lang", "source_lang")) {
                String tag = str(document.get(key));
                if (tag != null && !validLanguageTag(tag)) {
                    fail("6.1.12", "/document/" + key, tag + " is not a valid language tag");
                }
            }
        }

        // 6.1.13: every purl is a valid package URL
        void purl() {
            eachProduct((product, pointer) -> {
                String purl = str(product.path("product_identification_helper").get("purl"));
                if (purl != null) {
                    try {
                        new PackageURL(purl);
                    } catch (MalformedPackageURLException | RuntimeException e) {
                        fail(
                                "6.1.13",
                                pointer + "/product_identification_helper/purl",
                                "invalid purl: " + e.getMessage());
                    }
                }
            });
        }

        // 6.1.14 to 6.1.22 and 6.1.30: tracking, version and revision history
        void revisionHistory() {
            JsonNode tracking = document.path("tracking");
            String version = str(tracking.get("version"));
            String status = str(tracking.get("status"));
            List<JsonNode> history = new ArrayList<>();
            boolean wellFormed = tracking.path("revision_history").isArray();
            for (JsonNode h : Json.each(tracking.get("revision_history"))) {
                history.add(h);
                wellFormed &= str(h.get("number")) != null && str(h.get("date")) != null;
            }
            boolean released = "final".equals(status) || "interim".equals(status);
            if (wellFormed) {
                List<JsonNode> ascending = new ArrayList<>(history);
                ascending.sort((a, z) -> {
                    int byDate = compareDates(str(a.get("date")), str(z.get("date")));
                    return byDate != 0 ? byDate : compareVersions(str(z.get("number")), str(a.get("number")));
                });
                // 6.1.14
                List<String> numbers = new ArrayList<>();
                for (JsonNode h : ascending) {
                    String n = str(h.get("number"));
                    String sem = SEMVER.matcher(n).matches() ? n : n + ".0.0";
                    if (SEMVER.matcher(sem).matches() && !numbers.contains(sem)) {
                        numbers.add(sem);
                    }
                }
                for (int i = 1; i < numbers.size(); i++) {
                    if (compareSemver(numbers.get(i), numbers.get(i - 1)) <= 0) {
                        fail(
                                "6.1.14",
                                "/document/tracking/revision_history",
                                "the numbers are not ascending when " + "the items are sorted by date");
                        break;
                    }
                }
                // 6.1.16
                if (version != null && status != null && !history.isEmpty()) {
                    List<JsonNode> descending = new ArrayList<>(history);
                    descending.sort((a, z) -> {
                        int byDate = compareDates(str(z.get("date")), str(a.get("date")));
                        return byDate != 0 ? byDate : compareVersions(str(a.get("number")), str(z.get("number")));
                    });
                    String latest = str(descending.get(0).get("number"));
                    if (!normalize(latest, status).equals(normalize(version, status))) {
                        fail(
                                "6.1.16",
                                "/document/tracking/version",
                                "version " + version + " is not the latest revision " + latest);
                    }
                }
                // 6.1.21
                List<Integer> majors = new ArrayList<>();
                for (JsonNode h : ascending) {
                    Matcher m = LEADING_INT.matcher(str(h.get("number")));
                    if (m.find()) {
                        int major = Integer.parseInt(m.group(1));
                        if (!majors.contains(major)) {
                            majors.add(major);
                        }
                    }
                }
                if (!majors.isEmpty() && majors.get(0) != 0 && majors.get(0) != 1) {
                    fail(
                            "6.1.21",
                            "/document/tracking/revision_history",
                            "the history sorted by date does not " + "start with version 0 or 1");
                } else {
                    for (int i = 0; i < majors.size(); i++) {
                        if (majors.get(i) > majors.get(0) + i) {
                            fail(
                                    "6.1.21",
                                    "/document/tracking/revision_history",
                                    "major version " + (majors.get(0) + i) + " is missing");
                            break;
                        }
                    }
                }
                if (version != null && status != null) {
                    // 6.1.18
                    if (released && history.stream().anyMatch(h -> zeroMajor(str(h.get("number"))))) {
                        fail(
                                "6.1.18",
                                "/document/tracking/status",
                                "a " + status + " document has a revision " + "history item of version 0 or 0.y.z");
                    }
                    // 6.1.19, 6.1.22
                    Map<String, Integer> seen = new HashMap<>();
                    for (int i = 0; i < history.size(); i++) {
                        String n = str(history.get(i).get("number"));
                        if (preRelease(n)) {
                            fail(
                                    "6.1.19",
                                    "/document/tracking/revision_history/" + i + "/number",
                                    n + " has a pre-release part");
                        }
                        if (seen.putIfAbsent(n, i) != null) {
                            fail(
                                    "6.1.22",
                                    "/document/tracking/revision_history/" + i + "/number",
                                    "version " + n + " is already in the revision history");
                        }
                    }
                }
            }
            if (version != null && status != null) {
                // 6.1.17
                if (!"draft".equals(status) && (zeroMajor(version) || preRelease(version))) {
                    fail("6.1.17", "/document/tracking/status", "version " + version + " needs the status draft");
                }
                // 6.1.20
                if (released && preRelease(version)) {
                    fail(
                            "6.1.20",
                            "/document/tracking/version",
                            "a " + status + " document's version " + version + " has a pre-release part");
                }
            }
            // 6.1.30
            Boolean integers = null;
            for (int i = 0; i < history.size(); i++) {
                String n = str(history.get(i).get("number"));
                if (n == null) {
                    continue;
                }
                boolean integer = INTEGER.matcher(n).matches();
                if (integers == null) {
                    integers = integer;
                } else if (integers != integer) {
                    fail(
                            "6.1.30",
                            "/document/tracking/revision_history/" + i + "/number",
                            "mixed integer and " + "semantic versioning");
                }
            }
            if (integers != null
                    && version != null
                    && integers != INTEGER.matcher(version).matches()) {
                fail("6.1.30", "/document/tracking/version", "mixed integer and semantic versioning");
            }
            // 6.1.15, 6.1.28
            String lang = str(document.get("lang"));
            String sourceLang = str(document.get("source_lang"));
            if ("translator".equals(str(document.path("publisher").get("category"))) && sourceLang == null) {
                fail("6.1.15", "/document/source_lang", "a translator's document needs its source language");
            }
            if (lang != null && lang.equals(sourceLang)) {
                fail("6.1.28", "/document/lang", "the language is the same as the source language");
            }
        }

        // 6.1.23, 6.1.24: one vulnerability per CVE; one involvement per party and date
        void vulnerabilityIds() {
            Set<String> cves = new HashSet<>();
            int vi = 0;
            for (JsonNode v : vulns) {
                String cve = str(v.get("cve"));
                if (cve != null && !cves.add(cve)) {
                    fail(
                            "6.1.23",
                            "/vulnerabilities/" + vi + "/cve",
                            cve + " is already used by another " + "vulnerability");
                }
                Set<String> involvements = new HashSet<>();
                int ii = 0;
                for (JsonNode inv : Json.each(v.get("involvements"))) {
                    String party = str(inv.get("party"));
                    String date = str(inv.get("date"));
                    if (party != null && date != null && !involvements.add(party + "\u0000" + instant(date))) {
                        fail(
                                "6.1.24",
                                "/vulnerabilities/" + vi + "/involvements/" + ii,
                                "party " + party + " already has an involvement at " + date);
                    }
                    ii++;
                }
                vi++;
            }
        }

        // 6.1.25: one hash per algorithm and file
        void hashes() {
            eachProduct((product, pointer) -> {
                int hi = 0;
                for (JsonNode hash :
                        Json.each(product.path("product_identification_helper").get("hashes"))) {
                    Set<String> algorithms = new HashSet<>();
                    int fi = 0;
                    for (JsonNode fh : Json.each(hash.get("file_hashes"))) {
                        String algorithm = str(fh.get("algorithm"));
                        if (algorithm != null && !algorithms.add(algorithm)) {
                            fail(
                                    "6.1.25",
                                    pointer + "/product_identification_helper/hashes/" + hi + "/file_hashes/" + fi,
                                    "algorithm " + algorithm + " is used twice for the same file");
                        }
                        fi++;
                    }
                    hi++;
                }
            });
        }

        // 6.1.26: a category of one's own neither uses the csaf_ prefix nor spells a profile's name
        void categoryName() {
            String c = category();
            if (c == null || PROFILES.contains(c)) {
                return;
            }
            if (c.toLowerCase(Locale.ROOT).startsWith("csaf_")) {
                fail("6.1.26", "/document/category", "the prefix csaf_ is reserved for the profiles");
            } else if (PROFILE_NAMES.contains(c.replaceAll("[_\\-\\s]+", "").toLowerCase(Locale.ROOT))) {
                fail("6.1.26", "/document/category", c + " is too close to the name of a profile");
            }
        }

        // 6.1.27.x: what each profile requires
        void profiles() {
            String c = category();
            if (c == null) {
                return;
            }
            boolean notice = c.equals("csaf_security_incident_response") || c.equals("csaf_informational_advisory");
            boolean advisory = c.equals("csaf_security_advisory");
            boolean vex = c.equals("csaf_vex");
            if (notice) {
                boolean note = false;
                for (JsonNode n : Json.each(document.get("notes"))) {
                    note |= Set.of("description", "details", "general", "summary")
                            .contains(String.valueOf(str(n.get("category"))));
                }
                if (!note) {
                    fail(
                            "6.1.27.1",
                            "/document/notes",
                            "needs a note of category description, details, general " + "or summary");
                }
                boolean external = false;
                for (JsonNode r : Json.each(document.get("references"))) {
                    external |= "external".equals(str(r.get("category")));
                }
                if (!external) {
                    fail("6.1.27.2", "/document/references", "needs a reference of category external");
                }
            }
            if (c.equals("csaf_informational_advisory") && doc.has("vulnerabilities")) {
                fail("6.1.27.3", "/vulnerabilities", "an informational advisory has no vulnerabilities");
            }
            if (!advisory && !vex) {
                return;
            }
            if (!doc.has("product_tree")) {
                fail("6.1.27.4", "", "needs a product_tree");
            }
            if (!doc.has("vulnerabilities")) {
                fail("6.1.27.11", "", "needs vulnerabilities");
            }
            Map<String, List<String>> groups = new HashMap<>();
            for (JsonNode g : Json.each(tree.get("product_groups"))) {
                if (str(g.get("group_id")) != null) {
                    groups.putIfAbsent(str(g.get("group_id")), Json.texts(g.get("product_ids")));
                }
            }
            int vi = 0;
            for (JsonNode v : vulns) {
                String p = "/vulnerabilities/" + vi;
                if (!v.has("notes")) {
                    fail("6.1.27.5", p, "needs notes");
                }
                JsonNode status = v.get("product_status");
                if (advisory && status == null) {
                    fail("6.1.27.6", p, "needs a product_status");
                }
                if (vex) {
                    if (status == null) {
                        fail("6.1.27.7", p, "needs a product_status");
                    } else if (List.of("fixed", "known_affected", "known_not_affected", "under_investigation").stream()
                            .noneMatch(k -> status.path(k).isArray())) {
                        fail(
                                "6.1.27.7",
                                p + "/product_status",
                                "needs fixed, known_affected, known_not_affected " + "or under_investigation");
                    }
                    if (!v.has("cve") && !v.has("ids")) {
                        fail("6.1.27.8", p, "needs a cve or ids");
                    }
                    if (status != null) {
                        List<String> notAffected = Json.texts(status.get("known_not_affected"));
                        for (int i = 0; i < notAffected.size(); i++) {
                            String id = notAffected.get(i);
                            boolean impact = false;
                            for (JsonNode t : Json.each(v.get("threats"))) {
                                impact |= "impact".equals(str(t.get("category"))) && covers(t, id, groups);
                            }
                            for (JsonNode f : Json.each(v.get("flags"))) {
                                impact |= covers(f, id, groups);
                            }
                            if (!impact) {
                                fail(
                                        "6.1.27.9",
                                        p + "/product_status/known_not_affected/" + i,
                                        "product " + id
                                                + " needs an impact statement (a flag or a threat of category impact)");
                            }
                        }
                        List<String> affected = Json.texts(status.get("known_affected"));
                        for (int i = 0; i < affected.size(); i++) {
                            String id = affected.get(i);
                            boolean action = false;
                            for (JsonNode r : Json.each(v.get("remediations"))) {
                                action |= covers(r, id, groups);
                            }
                            if (!action) {
                                fail(
                                        "6.1.27.10",
                                        p + "/product_status/known_affected/" + i,
                                        "product " + id + " needs an action statement (a remediation)");
                            }
                        }
                    }
                }
                vi++;
            }
        }

        // 6.1.29, 6.1.32: remediations and flags name their products
        void references() {
            int vi = 0;
            for (JsonNode v : vulns) {
                int i = 0;
                for (JsonNode r : Json.each(v.get("remediations"))) {
                    if (!r.has("product_ids") && !r.has("group_ids")) {
                        fail(
                                "6.1.29",
                                "/vulnerabilities/" + vi + "/remediations/" + i,
                                "remediation without " + "product_ids or group_ids");
                    }
                    i++;
                }
                i = 0;
                for (JsonNode f : Json.each(v.get("flags"))) {
                    if (!f.has("product_ids") && !f.has("group_ids")) {
                        fail(
                                "6.1.32",
                                "/vulnerabilities/" + vi + "/flags/" + i,
                                "flag without product_ids or " + "group_ids");
                    }
                    i++;
                }
                vi++;
            }
        }

        // 6.1.31: a product_version branch names one version, not a range
        void versionRanges() {
            versionRanges(tree.get("branches"), "/product_tree/branches");
        }

        private void versionRanges(JsonNode branches, String pointer) {
            int i = 0;
            for (JsonNode b : Json.each(branches)) {
                String name = str(b.get("name"));
                if ("product_version".equals(str(b.get("category"))) && name != null) {
                    String lower = name.toLowerCase(Locale.ROOT);
                    boolean range = RANGE_SIGNS.stream().anyMatch(lower::contains);
                    for (String word : lower.split("\\s")) {
                        range |= RANGE_WORDS.contains(word);
                    }
                    if (range) {
                        fail(
                                "6.1.31",
                                pointer + "/" + i + "/name",
                                "\"" + name + "\" is a version range: use " + "product_version_range");
                    }
                }
                versionRanges(b.get("branches"), pointer + "/" + i + "/branches");
                i++;
            }
        }

        // 6.1.33: at most one VEX justification flag per product and vulnerability
        void vexFlags() {
            Map<String, List<String>> groups = new HashMap<>();
            for (JsonNode g : Json.each(tree.get("product_groups"))) {
                if (str(g.get("group_id")) != null) {
                    groups.putIfAbsent(str(g.get("group_id")), Json.texts(g.get("product_ids")));
                }
            }
            int vi = 0;
            for (JsonNode v : vulns) {
                Set<String> flagged = new HashSet<>();
                int fi = 0;
                for (JsonNode f : Json.each(v.get("flags"))) {
                    List<String> ids = new ArrayList<>(Json.texts(f.get("product_ids")));
                    for (String g : Json.texts(f.get("group_ids"))) {
                        ids.addAll(groups.getOrDefault(g, List.of()));
                    }
                    boolean twice = false;
                    for (String id : ids) {
                        twice |= !flagged.add(id);
                    }
                    if (twice) {
                        fail(
                                "6.1.33",
                                "/vulnerabilities/" + vi + "/flags/" + fi,
                                "a product already has a flag " + "for this vulnerability");
                    }
                    fi++;
                }
                vi++;
            }
        }

        void eachProduct(BiConsumer<JsonNode, String> each) {
            CsafMandatoryTests.eachProduct(tree, each);
        }

        private static void eachString(JsonNode items, String pointer, String key, List<String[]> into) {
            int i = 0;
            for (JsonNode item : Json.each(items)) {
                int j = 0;
                for (JsonNode id : Json.each(item.get(key))) {
                    if (str(id) != null) {
                        into.add(new String[] {str(id), pointer + "/" + i + "/" + key + "/" + j});
                    }
                    j++;
                }
                i++;
            }
        }
    }

    /** Every full product name of a product tree (branches at any depth, full_product_names, relationships). */
    static void eachProduct(JsonNode tree, BiConsumer<JsonNode, String> each) {
        branches(tree.get("branches"), "/product_tree/branches", each);
        int i = 0;
        for (JsonNode f : Json.each(tree.get("full_product_names"))) {
            each.accept(f, "/product_tree/full_product_names/" + i++);
        }
        i = 0;
        for (JsonNode r : Json.each(tree.get("relationships"))) {
            if (r.has("full_product_name")) {
                each.accept(r.get("full_product_name"), "/product_tree/relationships/" + i + "/full_product_name");
            }
            i++;
        }
    }

    private static void branches(JsonNode branches, String pointer, BiConsumer<JsonNode, String> each) {
        int i = 0;
        for (JsonNode b : Json.each(branches)) {
            if (b.has("product")) {
                each.accept(b.get("product"), pointer + "/" + i + "/product");
            }
            branches(b.get("branches"), pointer + "/" + i + "/branches", each);
            i++;
        }
    }

    /** Whether a statement (remediation, threat, flag) names the product, directly or through one of its groups. */
    static boolean covers(JsonNode statement, String productId, Map<String, List<String>> groups) {
        if (Json.texts(statement.get("product_ids")).contains(productId)) {
            return true;
        }
        for (String g : Json.texts(statement.get("group_ids"))) {
            if (groups.getOrDefault(g, List.of()).contains(productId)) {
                return true;
            }
        }
        return false;
    }

    private static String str(JsonNode n) {
        return n != null && n.isString() ? n.asString() : null;
    }

    private static boolean zeroMajor(String version) {
        return "0".equals(version) || SEMVER.matcher(version).matches() && version.startsWith("0.");
    }

    private static boolean preRelease(String version) {
        Matcher m = SEMVER.matcher(version);
        return m.matches() && m.group(4) != null;
    }

    private static String normalize(String version, String status) {
        return "draft".equals(status) ? version.split("[+-]", 2)[0] : version.split("\\+", 2)[0];
    }

    /** The reference's ordering: semantic versions by precedence, else by their leading integer. */
    private static int compareVersions(String a, String b) {
        if (SEMVER.matcher(a).matches() && SEMVER.matcher(b).matches()) {
            return compareSemver(b, a) >= 0 ? 1 : -1;
        }
        return Integer.compare(leadingInt(b), leadingInt(a));
    }

    private static int leadingInt(String s) {
        Matcher m = LEADING_INT.matcher(s);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Semantic Versioning 2.0.0 precedence (§11): build metadata ignored. */
    static int compareSemver(String a, String b) {
        Matcher x = SEMVER.matcher(a);
        Matcher y = SEMVER.matcher(b);
        if (!x.matches() || !y.matches()) {
            return a.compareTo(b);
        }
        for (int g = 1; g <= 3; g++) {
            int c = new BigInteger(x.group(g)).compareTo(new BigInteger(y.group(g)));
            if (c != 0) {
                return c;
            }
        }
        String p = x.group(4);
        String q = y.group(4);
        if (p == null || q == null) {
            return p == null ? (q == null ? 0 : 1) : -1;
        }
        String[] ps = p.split("\\.");
        String[] qs = q.split("\\.");
        for (int i = 0; i < Math.min(ps.length, qs.length); i++) {
            boolean pn = ps[i].matches("\\d+");
            boolean qn = qs[i].matches("\\d+");
            int c = pn && qn
                    ? new BigInteger(ps[i]).compareTo(new BigInteger(qs[i]))
                    : pn ? -1 : qn ? 1 : ps[i].compareTo(qs[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ps.length, qs.length);
    }

    private static int compareDates(String a, String b) {
        return Objects.compare(instant(a), instant(b), Comparator.naturalOrder());
    }

    private static String instant(String date) {
        try {
            return OffsetDateTime.parse(date).toInstant().toString();
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    /**
     * BCP 47 (RFC 5646): well-formed (Java's parser of language tags), with a primary language of ISO 639 (two letters
     * from Java's list, or three letters) and a region of ISO 3166 or UN M.49; private-use and grandfathered tags
     * are accepted.
     */
    static boolean validLanguageTag(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        if (lower.startsWith("x-") || lower.startsWith("i-")) {
            return lower.matches("[xi](-[a-z0-9]{1,8})+");
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return false;
        }
        String language = locale.getLanguage();
        if (language.isEmpty() || language.length() == 2 && !LANGUAGES.contains(language) || language.length() > 3) {
            return false;
        }
        String region = locale.getCountry();
        return region.isEmpty() || region.matches("\\d{3}") || COUNTRIES.contains(region);
    }

    private static Map<String, String> cweNames() {
        Map<String, String> names = cwe;
        if (names == null) {
            Map<String, String> m = new HashMap<>();
            try (InputStream in = CsafMandatoryTests.class.getResourceAsStream("/warnings/cwe-weaknesses.tsv");
                    BufferedReader r = new BufferedReader(
                            new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    int tab = line.indexOf('\t');
                    if (!line.startsWith("#") && tab > 0) {
                        m.put(line.substring(0, tab), line.substring(tab + 1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            names = Collections.unmodifiableMap(m);
            cwe = names;
        }
        return names;
    }
}
