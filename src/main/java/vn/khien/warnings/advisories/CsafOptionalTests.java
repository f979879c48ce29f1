package vn.khien.warnings.advisories;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The optional (OASIS CSAF Version 2.0 §6.2: "a program MUST handle a test failure as a warning") and informative
 * (§6.3: "as an information") tests that tell a reader of an advisory, or Khiên's matching, something that matters:
 * products that cannot be matched (no identification helper §6.2.16, a range that is not {@code vers} §6.2.18, a
 * version written "v1.2" §6.3.11), vulnerabilities that cannot be followed (a CVE hidden in {@code ids} §6.2.17, no CVE
 * §6.3.3, no CWE §6.3.4), affected products without a remediation or a score (§6.2.2, §6.2.3), fixed products still
 * scored (§6.2.19), weak or short hashes (§6.2.8, §6.2.9, §6.3.5), dates contradicting the revision history (§6.2.4 to
 * §6.2.6), no TLP label (§6.2.10, Khiên enforces TLP) or language (§6.2.12), unused product ids (§6.2.1), CVSS v2
 * alone or v3.0 (§6.3.1, §6.3.2). The others are not run (ADR 0062): §6.2.7, §6.2.11, §6.2.13 to §6.2.15, §6.2.20,
 * §6.3.6 to §6.3.10. A failure never refuses a document.
 */
final class CsafOptionalTests {

    /** The tests run, in the specification's order. */
    static final List<String> TESTS = List.of(
            "6.2.1", "6.2.2", "6.2.3", "6.2.4", "6.2.5", "6.2.6", "6.2.8", "6.2.9", "6.2.10", "6.2.12", "6.2.16",
            "6.2.17", "6.2.18", "6.2.19", "6.3.1", "6.3.2", "6.3.3", "6.3.4", "6.3.5", "6.3.11");

    private static final List<String> AFFECTED = List.of("first_affected", "known_affected", "last_affected");
    private static final List<String> FIXED = List.of("first_fixed", "fixed");
    /** §6.2.17: "the property text matches the regex ^CVE-[0-9]{4}-[0-9]{4,}$". */
    private static final Pattern CVE_ID = Pattern.compile("^CVE-[0-9]{4}-[0-9]{4,}$");
    /** §6.2.18: "the value of name matches the following regex". */
    private static final Pattern VERS = Pattern.compile("^vers:[a-z\\.\\-\\+][a-z0-9\\.\\-\\+]*/.+");
    /** §6.3.11: "the value of name does not match the following regex". */
    private static final Pattern V_VERSION = Pattern.compile("^[vV][0-9].*$");

    private CsafOptionalTests() {}

    /** Every failure of the tests of {@link #TESTS}, in the specification's order. */
    static List<CsafMandatoryTests.Violation> run(JsonNode doc) {
        Run r = new Run(doc);
        r.unusedProductIds();
        r.remediationsAndScores();
        r.revisionDates();
        r.products();
        r.documentLabels();
        r.vulnerabilities();
        r.branches(doc.path("product_tree").get("branches"), "/product_tree/branches");
        List<CsafMandatoryTests.Violation> out = new ArrayList<>(r.out);
        out.sort(Comparator.comparingInt(v -> TESTS.indexOf(v.test())));
        return out;
    }

    private static final class Run {
        final JsonNode document;
        final JsonNode tree;
        final List<JsonNode> vulns = new ArrayList<>();
        final Map<String, List<String>> groups = new HashMap<>();
        final List<CsafMandatoryTests.Violation> out = new ArrayList<>();

        Run(JsonNode doc) {
            this.document = doc.path("document");
            this.tree = doc.path("product_tree");
            Json.each(doc.get("vulnerabilities")).forEach(vulns::add);
            for (JsonNode g : Json.each(tree.get("product_groups"))) {
                String id = Json.text(g, "group_id");
                if (id != null) {
                    groups.putIfAbsent(id, Json.texts(g.get("product_ids")));
                }
            }
        }

        void fail(String test, String pointer, String message) {
            out.add(new CsafMandatoryTests.Violation(test, pointer, message));
        }

        // §6.2.1: every product id defined is referenced somewhere (skipped for informational advisories)
        void unusedProductIds() {
            if ("csaf_informational_advisory".equals(Json.text(document, "category"))) {
                return;
            }
            Set<String> used = new HashSet<>();
            for (JsonNode g : Json.each(tree.get("product_groups"))) {
                used.addAll(Json.texts(g.get("product_ids")));
            }
            for (JsonNode rel : Json.each(tree.get("relationships"))) {
                used.add(String.valueOf(Json.text(rel, "product_reference")));
                used.add(String.valueOf(Json.text(rel, "relates_to_product_reference")));
            }
            for (JsonNode v : vulns) {
                JsonNode status = v.path("product_status");
                CsafMandatoryTests.STATUS_LISTS.forEach(list -> used.addAll(Json.texts(status.get(list))));
                for (String key : List.of("remediations", "threats", "flags")) {
                    Json.each(v.get(key)).forEach(x -> used.addAll(Json.texts(x.get("product_ids"))));
                }
                Json.each(v.get("scores")).forEach(x -> used.addAll(Json.texts(x.get("products"))));
            }
            CsafMandatoryTests.eachProduct(tree, (product, pointer) -> {
                String id = Json.text(product, "product_id");
                if (id != null && !used.contains(id)) {
                    fail("6.2.1", pointer + "/product_id", "product id " + id + " is defined but never used");
                }
            });
        }

        // §6.2.2: an affected or under investigation product has a remediation; §6.2.3: an affected product a score;
        // §6.2.19: a fixed product that is scored has an environmental score of 0
        void remediationsAndScores() {
            int vi = 0;
            for (JsonNode v : vulns) {
                String p = "/vulnerabilities/" + vi + "/product_status/";
                JsonNode status = v.path("product_status");
                List<String> remediationLists = new ArrayList<>(AFFECTED);
                remediationLists.add("under_investigation");
                for (String list : remediationLists) {
                    List<String> ids = Json.texts(status.get(list));
                    for (int i = 0; i < ids.size(); i++) {
                        String id = ids.get(i);
                        boolean remedied = false;
                        for (JsonNode r : Json.each(v.get("remediations"))) {
                            remedied |= CsafMandatoryTests.covers(r, id, groups);
                        }
                        if (!remedied) {
                            fail("6.2.2", p + list + "/" + i, "product " + id + " (" + list + ") has no remediation");
                        }
                        if (AFFECTED.contains(list) && !scored(v, id)) {
                            fail("6.2.3", p + list + "/" + i, "product " + id + " (" + list + ") has no score");
                        }
                    }
                }
                for (String list : FIXED) {
                    List<String> ids = Json.texts(status.get(list));
                    for (int i = 0; i < ids.size(); i++) {
                        String id = ids.get(i);
                        for (JsonNode s : Json.each(v.get("scores"))) {
                            if (!Json.texts(s.get("products")).contains(id)) {
                                continue;
                            }
                            JsonNode cvss = s.has("cvss_v3") ? s.get("cvss_v3") : s.get("cvss_v2");
                            JsonNode env = cvss == null ? null : cvss.get("environmentalScore");
                            if (cvss != null && (env == null || !env.isNumber() || env.asDouble() != 0)) {
                                fail(
                                        "6.2.19",
                                        p + list + "/" + i,
                                        "fixed product " + id + " has a CVSS score whose environmentalScore is not 0");
                            }
                        }
                    }
                }
                vi++;
            }
        }

        private static boolean scored(JsonNode v, String productId) {
            for (JsonNode s : Json.each(v.get("scores"))) {
                if (Json.texts(s.get("products")).contains(productId)) {
                    return true;
                }
            }
            return false;
        }

        // §6.2.4: no build metadata in a revision number; §6.2.5, §6.2.6: release dates not older than the history
        void revisionDates() {
            JsonNode tracking = document.path("tracking");
            Instant oldest = null;
            Instant newest = null;
            int i = 0;
            for (JsonNode h : Json.each(tracking.get("revision_history"))) {
                String number = Json.text(h, "number");
                if (number != null && number.contains("+")) {
                    fail(
                            "6.2.4",
                            "/document/tracking/revision_history/" + i + "/number",
                            "revision number " + number + " includes build metadata");
                }
                Instant date = instant(Json.text(h, "date"));
                if (date != null) {
                    oldest = oldest == null || date.isBefore(oldest) ? date : oldest;
                    newest = newest == null || date.isAfter(newest) ? date : newest;
                }
                i++;
            }
            Instant initial = instant(Json.text(tracking, "initial_release_date"));
            if (initial != null && oldest != null && initial.isBefore(oldest)) {
                fail(
                        "6.2.5",
                        "/document/tracking/initial_release_date",
                        "the initial release date " + initial + " is older than " + oldest
                                + ", the date of the oldest revision");
            }
            Instant current = instant(Json.text(tracking, "current_release_date"));
            if (current != null && newest != null && current.isBefore(newest)) {
                fail(
                        "6.2.6",
                        "/document/tracking/current_release_date",
                        "the current release date " + current + " is older than " + newest
                                + ", the date of the newest revision");
            }
        }

        // §6.2.8, §6.2.9: MD5 or SHA-1 not alone; §6.3.5: no hash shorter than 64 characters;
        // §6.2.16: every product has a product identification helper
        void products() {
            CsafMandatoryTests.eachProduct(tree, (product, pointer) -> {
                JsonNode helper = product.get("product_identification_helper");
                if (helper == null) {
                    fail(
                            "6.2.16",
                            pointer,
                            "product " + Json.text(product, "product_id")
                                    + " has no product_identification_helper (no cpe, purl or hash to match it by)");
                    return;
                }
                int hi = 0;
                for (JsonNode h : Json.each(helper.get("hashes"))) {
                    String hp = pointer + "/product_identification_helper/hashes/" + hi + "/file_hashes";
                    Set<String> algorithms = new HashSet<>();
                    int fi = 0;
                    for (JsonNode f : Json.each(h.get("file_hashes"))) {
                        String algorithm = Json.text(f, "algorithm");
                        if (algorithm != null) {
                            algorithms.add(algorithm.toLowerCase(Locale.ROOT));
                        }
                        String value = Json.text(f, "value");
                        if (value != null && value.length() < 64) {
                            fail(
                                    "6.3.5",
                                    hp + "/" + fi + "/value",
                                    "the hash value is only " + value.length() + " characters long");
                        }
                        fi++;
                    }
                    if (algorithms.equals(Set.of("md5"))) {
                        fail("6.2.8", hp, "md5 is the only hash algorithm");
                    } else if (algorithms.equals(Set.of("sha1"))) {
                        fail("6.2.9", hp, "sha1 is the only hash algorithm");
                    }
                    hi++;
                }
            });
        }

        // §6.2.10: a TLP label; §6.2.12: a document language
        void documentLabels() {
            if (Json.text(document.path("distribution").path("tlp"), "label") == null) {
                fail("6.2.10", "/document/distribution/tlp/label", "the document has no TLP label");
            }
            String lang = Json.text(document, "lang");
            if (lang == null || lang.isBlank()) {
                fail("6.2.12", "/document/lang", "the document language is not given");
            }
        }

        // §6.2.17: no CVE in ids; §6.3.1: not CVSS v2 alone; §6.3.2: not CVSS v3.0; §6.3.3: a CVE; §6.3.4: a CWE
        void vulnerabilities() {
            int vi = 0;
            for (JsonNode v : vulns) {
                String p = "/vulnerabilities/" + vi;
                int i = 0;
                for (JsonNode id : Json.each(v.get("ids"))) {
                    String text = Json.text(id, "text");
                    if (text != null && CVE_ID.matcher(text).matches()) {
                        fail("6.2.17", p + "/ids/" + i, text + " is listed in ids instead of cve");
                    }
                    i++;
                }
                i = 0;
                for (JsonNode s : Json.each(v.get("scores"))) {
                    if (s.has("cvss_v2") && !s.has("cvss_v3")) {
                        fail("6.3.1", p + "/scores/" + i, "CVSS v2 is the only score (use CVSS v3.1)");
                    }
                    JsonNode v3 = s.get("cvss_v3");
                    String vector = Json.text(v3, "vectorString");
                    if (v3 != null
                            && ("3.0".equals(Json.text(v3, "version"))
                                    || vector != null && vector.startsWith("CVSS:3.0/"))) {
                        fail("6.3.2", p + "/scores/" + i + "/cvss_v3/version", "CVSS v3.0 is used (use CVSS v3.1)");
                    }
                    i++;
                }
                if (Json.text(v, "cve") == null) {
                    fail("6.3.3", p, "the vulnerability has no CVE");
                }
                if (v.get("cwe") == null) {
                    fail("6.3.4", p, "the vulnerability has no CWE");
                }
                vi++;
            }
        }

        // §6.2.18: a product_version_range in vers; §6.3.11: a product_version not written "v1.2"
        void branches(JsonNode branches, String pointer) {
            int i = 0;
            for (JsonNode b : Json.each(branches)) {
                String category = Json.text(b, "category");
                String name = Json.text(b, "name");
                if (name != null
                        && "product_version_range".equals(category)
                        && !VERS.matcher(name).find()) {
                    fail(
                            "6.2.18",
                            pointer + "/" + i + "/name",
                            "the version range \"" + name + "\" is not in the vers notation");
                }
                if (name != null
                        && "product_version".equals(category)
                        && V_VERSION.matcher(name).matches()) {
                    fail("6.3.11", pointer + "/" + i + "/name", "the product version \"" + name + "\" starts with a v");
                }
                branches(b.get("branches"), pointer + "/" + i + "/branches");
                i++;
            }
        }
    }

    private static Instant instant(String date) {
        try {
            return date == null ? null : OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
