package vn.khien.warnings.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeParser;
import vn.khien.warnings.StixObservables;
import vn.khien.warnings.matching.AffectedJson;
import vn.khien.warnings.matching.AffectedProducts;
import vn.khien.warnings.matching.CpeCriterion;
import vn.khien.warnings.matching.NvdConfiguration;
import vn.khien.warnings.matching.PurlCriterion;

/**
 * A warning for other tools: a STIX 2.1 bundle (an identity for the publisher, one vulnerability per CVE, one software
 * object per CPE product, a report tying them, all marked with the warning's TLP 2.0 marking definition, whose object
 * is in the bundle as OASIS published it) and a CSAF 2.0 security advisory (product tree with cpe/purl helpers and
 * version ranges, one vulnerability per CVE with its products known affected, the recommended action as a
 * mitigation). Identifiers are derived from the warning, so exporting again gives the same ids.
 */
final class WarningExports {

    /** The OASIS TLP 2.0 extension and its five marking definitions (cti-stix-common-objects). */
    static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    static final Map<String, String> TLP2_MARKINGS = Map.of(
            "CLEAR", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            "GREEN", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            "AMBER", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            "AMBER+STRICT", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            "RED", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
    /** CSAF 2.0 carries TLP 1.0 labels: CLEAR is WHITE, AMBER+STRICT the closest stricter is AMBER (noted). */
    static final Map<String, String> CSAF_TLP =
            Map.of("CLEAR", "WHITE", "GREEN", "GREEN", "AMBER", "AMBER", "AMBER+STRICT", "AMBER", "RED", "RED");

    private WarningExports() {}

    static Map<String, Object> stix(WarningRepository.Warning w, Instant now) {
        String ts = stamp(now);
        String created = stamp(w.publishedAt());
        String marking = TLP2_MARKINGS.get(w.tlp());
        List<Map<String, Object>> objects = new ArrayList<>();
        Map<String, Object> tlp = new LinkedHashMap<>();
        tlp.put("type", "marking-definition");
        tlp.put("spec_version", "2.1");
        tlp.put("id", marking);
        tlp.put("created", "2022-10-01T00:00:00.000Z");
        tlp.put("name", "TLP:" + w.tlp());
        tlp.put(
                "extensions",
                Map.of(
                        TLP2_EXTENSION,
                        Map.of(
                                "extension_type",
                                "property-extension",
                                "tlp_2_0",
                                w.tlp().toLowerCase(Locale.ROOT))));
        objects.add(tlp);
        String identity = id("identity", "org:" + w.organizationId());
        Map<String, Object> org = sdo("identity", identity, created, ts, null);
        org.put("name", w.publisherName());
        org.put("identity_class", "organization");
        objects.add(org);
        List<String> refs = new ArrayList<>();
        for (String cve : w.cves()) {
            String vid = id("vulnerability", "warning:" + w.id() + ":" + cve);
            Map<String, Object> v = sdo("vulnerability", vid, created, ts, marking);
            v.put("created_by_ref", identity);
            v.put("name", cve);
            v.put("description", w.description() == null ? w.title() : w.description());
            v.put("external_references", List.of(Map.of("source_name", "cve", "external_id", cve)));
            objects.add(v);
            refs.add(vid);
        }
        AffectedProducts products = AffectedJson.read(w.affected());
        for (NvdConfiguration c : products.configurations()) {
            for (NvdConfiguration.Node n : c.nodes()) {
                for (NvdConfiguration.Match m : n.matches()) {
                    if (!m.vulnerable()) {
                        continue;
                    }
                    CpeCriterion cpe = m.criterion();
                    Cpe parsed = parse(cpe.cpe());
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("name", parsed == null ? cpe.cpe() : parsed.getProduct());
                    props.put("cpe", cpe.cpe());
                    if (parsed != null) {
                        props.put("vendor", parsed.getVendor());
                        if (!"*".equals(parsed.getVersion()) && !"-".equals(parsed.getVersion())) {
                            props.put("version", parsed.getVersion());
                        }
                    }
                    // a cyber-observable: its id is the STIX 2.1 §2.9 UUIDv5 of its contributing properties
                    Map<String, Object> s = StixObservables.observable("software", props);
                    String sid = (String) s.get("id");
                    if (refs.contains(sid)) {
                        continue;
                    }
                    s.put("object_marking_refs", List.of(marking));
                    objects.add(s);
                    refs.add(sid);
                }
            }
        }
        Map<String, Object> report = sdo("report", id("report", "warning:" + w.id()), created, ts, marking);
        report.put("created_by_ref", identity);
        report.put("name", w.title());
        report.put("description", w.description() == null ? w.title() : w.description());
        report.put("report_types", List.of("vulnerability"));
        report.put("published", created);
        report.put("object_refs", refs.isEmpty() ? List.of(identity) : refs);
        report.put("labels", List.of("severity:" + w.severity().toLowerCase(Locale.ROOT)));
        report.put(
                "external_references",
                List.of(Map.of(
                        "source_name",
                        "khien",
                        "external_id",
                        "warning-" + w.id(),
                        "description",
                        "Hạn xác nhận " + w.acknowledgeBy() + ", hạn khắc phục " + w.fixBy())));
        objects.add(report);
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", id("bundle", "warning:" + w.id() + ":" + ts));
        bundle.put("objects", objects);
        return bundle;
    }

    static Map<String, Object> csaf(WarningRepository.Warning w, String namespace, Instant now) {
        String ts = stamp(now);
        String initial = stamp(w.publishedAt());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("category", "csaf_security_advisory");
        document.put("csaf_version", "2.0");
        document.put("lang", "vi");
        document.put("title", w.title());
        document.put("publisher", Map.of("category", "coordinator", "name", w.publisherName(), "namespace", namespace));
        Map<String, Object> tlp = new LinkedHashMap<>();
        tlp.put("label", CSAF_TLP.get(w.tlp()));
        document.put("distribution", Map.of("text", "TLP:" + w.tlp() + " (TLP 2.0)", "tlp", tlp));
        document.put("aggregate_severity", Map.of("text", w.severity()));
        List<Map<String, Object>> notes = new ArrayList<>();
        notes.add(Map.of(
                "category",
                "summary",
                "title",
                "Tóm tắt",
                "text",
                w.description() == null ? w.title() : w.description()));
        if (w.legalBasis() != null) {
            notes.add(Map.of("category", "legal_disclaimer", "title", "Căn cứ", "text", w.legalBasis()));
        }
        document.put("notes", notes);
        List<Map<String, Object>> references = new ArrayList<>();
        for (String cve : w.cves()) {
            references.add(
                    Map.of("category", "external", "summary", cve, "url", "https://nvd.nist.gov/vuln/detail/" + cve));
        }
        references.add(Map.of(
                "category", "self", "summary", "Khiên warning " + w.id(), "url", namespace + "/warnings/" + w.id()));
        document.put("references", references);
        Map<String, Object> tracking = new LinkedHashMap<>();
        tracking.put("id", "KHIEN-W-" + w.id());
        tracking.put("initial_release_date", initial);
        tracking.put("current_release_date", ts.compareTo(initial) < 0 ? initial : ts);
        tracking.put(
                "revision_history", List.of(Map.of("date", initial, "number", "1", "summary", "Phát hành cảnh báo")));
        tracking.put("status", "final");
        tracking.put("version", "1");
        tracking.put("generator", Map.of("engine", Map.of("name", "Khiên")));
        document.put("tracking", tracking);

        // product tree: vendor → product name → version range, each leaf with its helper
        Map<String, Map<String, List<Map<String, Object>>>> tree = new LinkedHashMap<>();
        List<String> productIds = new ArrayList<>();
        AffectedProducts products = AffectedJson.read(w.affected());
        int n = 0;
        for (NvdConfiguration c : products.configurations()) {
            for (NvdConfiguration.Node node : c.nodes()) {
                for (NvdConfiguration.Match m : node.matches()) {
                    if (!m.vulnerable()) {
                        continue;
                    }
                    CpeCriterion cpe = m.criterion();
                    Cpe parsed = parse(cpe.cpe());
                    String vendor = parsed == null ? "unknown" : parsed.getVendor();
                    String product = parsed == null ? cpe.cpe() : parsed.getProduct();
                    String pid = "KHIEN-P" + ++n;
                    String range = cpe.hasRange()
                            ? versOf(cpe)
                            : parsed == null || "*".equals(parsed.getVersion())
                                    ? "vers:generic/*"
                                    : "vers:generic/" + parsed.getVersion();
                    leaf(
                            tree,
                            vendor,
                            product,
                            range,
                            Map.of(
                                    "name",
                                    cpe.describe(),
                                    "product_id",
                                    pid,
                                    "product_identification_helper",
                                    Map.of("cpe", cpe.cpe())));
                    productIds.add(pid);
                }
            }
        }
        for (PurlCriterion p : products.purls()) {
            var purl = PurlCriterion.parse(p.purl());
            String pid = "KHIEN-P" + ++n;
            String range = p.vers() != null
                    ? p.vers()
                    : purl.getVersion() != null
                            ? "vers:" + purl.getType() + "/" + purl.getVersion()
                            : "vers:" + purl.getType() + "/*";
            leaf(
                    tree,
                    purl.getNamespace() == null ? purl.getType() : purl.getNamespace(),
                    purl.getName(),
                    range,
                    Map.of(
                            "name",
                            p.purl() + (p.vers() == null ? "" : " " + p.vers()),
                            "product_id",
                            pid,
                            "product_identification_helper",
                            Map.of("purl", p.purl())));
            productIds.add(pid);
        }
        List<Map<String, Object>> vendors = new ArrayList<>();
        tree.forEach((vendor, byProduct) -> {
            List<Map<String, Object>> names = new ArrayList<>();
            byProduct.forEach((product, leaves) ->
                    names.add(Map.of("category", "product_name", "name", product, "branches", leaves)));
            vendors.add(Map.of("category", "vendor", "name", vendor, "branches", names));
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("document", document);
        if (!vendors.isEmpty()) {
            doc.put("product_tree", Map.of("branches", vendors));
        } else {
            // a warning on CVEs alone: a security advisory still needs a product tree and each vulnerability a
            // product status (CSAF 2.0 mandatory tests 6.1.27.4 and 6.1.27.6), so the products are named by the CVEs
            String pid = "KHIEN-P0";
            String name = "Sản phẩm chịu ảnh hưởng của "
                    + (w.cves().isEmpty() ? "cảnh báo " + w.id() : String.join(", ", w.cves()));
            doc.put("product_tree", Map.of("full_product_names", List.of(Map.of("name", name, "product_id", pid))));
            productIds.add(pid);
        }
        List<Map<String, Object>> vulns = new ArrayList<>();
        List<String> cves = w.cves().isEmpty() ? Collections.singletonList(null) : w.cves();
        for (String cve : cves) {
            Map<String, Object> v = new LinkedHashMap<>();
            if (cve != null) {
                v.put("cve", cve);
            }
            v.put("title", w.title());
            v.put(
                    "notes",
                    List.of(Map.of(
                            "category",
                            "description",
                            "title",
                            "Mô tả",
                            "text",
                            w.description() == null ? w.title() : w.description())));
            if (!productIds.isEmpty()) {
                v.put("product_status", Map.of("known_affected", productIds));
                Map<String, Object> remediation = new LinkedHashMap<>();
                remediation.put("category", "mitigation");
                remediation.put(
                        "details",
                        w.recommendedAction() == null ? "Khắc phục trước ngày " + w.fixBy() : w.recommendedAction());
                remediation.put("product_ids", productIds);
                remediation.put(
                        "date", stamp(w.fixBy().atStartOfDay(WarningService.VN).toInstant()));
                v.put("remediations", List.of(remediation));
            }
            vulns.add(v);
        }
        doc.put("vulnerabilities", vulns);
        return doc;
    }

    private static void leaf(
            Map<String, Map<String, List<Map<String, Object>>>> tree,
            String vendor,
            String product,
            String range,
            Map<String, Object> full) {
        tree.computeIfAbsent(vendor, k -> new LinkedHashMap<>())
                .computeIfAbsent(product, k -> new ArrayList<>())
                .add(Map.of("category", "product_version_range", "name", range, "product", full));
    }

    /** NVD bounds as a vers range (generic scheme, the ordering NVD ranges use). */
    static String versOf(CpeCriterion c) {
        List<String> parts = new ArrayList<>();
        if (c.startIncluding() != null) {
            parts.add(">=" + c.startIncluding());
        }
        if (c.startExcluding() != null) {
            parts.add(">" + c.startExcluding());
        }
        if (c.endIncluding() != null) {
            parts.add("<=" + c.endIncluding());
        }
        if (c.endExcluding() != null) {
            parts.add("<" + c.endExcluding());
        }
        return "vers:generic/" + String.join("|", parts);
    }

    private static Map<String, Object> sdo(String type, String id, String created, String modified, String marking) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("spec_version", "2.1");
        m.put("id", id);
        m.put("created", created);
        m.put("modified", modified.compareTo(created) < 0 ? created : modified);
        if (marking != null) {
            m.put("object_marking_refs", List.of(marking));
        }
        return m;
    }

    private static String id(String type, String key) {
        return type + "--" + UUID.nameUUIDFromBytes(("khien:" + type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String stamp(Instant i) {
        String s = i.truncatedTo(ChronoUnit.MILLIS).toString();
        return s.contains(".") ? s : s.replace("Z", ".000Z");
    }

    private static Cpe parse(String cpe) {
        try {
            return CpeParser.parse(cpe, true);
        } catch (Exception e) {
            return null;
        }
    }
}
