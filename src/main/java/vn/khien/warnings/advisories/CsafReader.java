package vn.khien.warnings.advisories;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import vn.khien.warnings.matching.AffectedProducts;
import vn.khien.warnings.matching.CpeCriterion;
import vn.khien.warnings.matching.Criterion;
import vn.khien.warnings.matching.NvdConfiguration;
import vn.khien.warnings.matching.PurlCriterion;

/**
 * CSAF 2.0 documents (security advisories and VEX): one advisory per document. Products come from
 * {@code product_tree} (branches at any depth, full_product_names, relationships) with their
 * {@code product_identification_helper} (cpe 2.2/2.3, purl) and version or version range; a product listed as
 * {@code known_affected}, {@code first_affected} or {@code last_affected} is affected, one listed as
 * {@code known_not_affected} or {@code fixed} is never matched. A product without cpe or purl cannot be matched
 * against an inventory and is left out of the criteria.
 */
final class CsafReader {

    private static final Set<String> AFFECTED = Set.of("known_affected", "first_affected", "last_affected");
    private static final Set<String> NOT_AFFECTED = Set.of("known_not_affected", "fixed", "first_fixed");
    private static final Pattern SIMPLE_RANGE = Pattern.compile("\\s*(<=|<|>=|>)\\s*([^\\s|]+)\\s*");

    private CsafReader() {}

    record Product(String id, String name, String cpe, String purl, String version, String range) {}

    static ParsedAdvisory document(JsonNode doc, String source) {
        JsonNode document = doc.get("document");
        String version = Json.text(document, "csaf_version");
        if (!"2.0".equals(version)) {
            throw new FeedException("CSAF: document.csaf_version is " + version + ", only 2.0 is supported");
        }
        JsonNode tracking = document.get("tracking");
        String trackingId = Json.text(tracking, "id");
        String namespace = Json.text(document.path("publisher"), "namespace");
        if (trackingId == null || namespace == null || Json.text(document, "title") == null) {
            throw new FeedException(
                    "CSAF: document.title, document.tracking.id and document.publisher.namespace are required");
        }
        Map<String, Product> products = new LinkedHashMap<>();
        JsonNode tree = doc.get("product_tree");
        if (tree != null) {
            for (JsonNode b : Json.each(tree.get("branches"))) {
                branch(b, new Product(null, null, null, null, null, null), products);
            }
            for (JsonNode f : Json.each(tree.get("full_product_names"))) {
                add(f, null, null, products);
            }
            for (JsonNode r : Json.each(tree.get("relationships"))) {
                JsonNode f = r.get("full_product_name");
                Product component = products.get(Json.text(r, "product_reference"));
                if (f != null) {
                    add(f, component, null, products);
                }
            }
        }
        LinkedHashSet<String> cves = new LinkedHashSet<>();
        List<NvdConfiguration> cpes = new ArrayList<>();
        List<PurlCriterion> purls = new ArrayList<>();
        List<Criterion> notAffected = new ArrayList<>();
        String severity = Json.text(document.path("aggregate_severity"), "text");
        int vi = 0;
        for (JsonNode v : Json.each(doc.get("vulnerabilities"))) {
            vi++;
            String cve = Json.text(v, "cve");
            if (cve != null) {
                cves.add(cve);
            }
            JsonNode status = v.get("product_status");
            if (status == null) {
                continue;
            }
            for (var entry : status.properties()) {
                for (String pid : Json.texts(entry.getValue())) {
                    Product p = products.get(pid);
                    if (p == null) {
                        throw new FeedException("CSAF vulnerabilities[" + vi + "].product_status." + entry.getKey()
                                + " names product " + pid + ", which product_tree does not define (CSAF 6.1.1)");
                    }
                    if (AFFECTED.contains(entry.getKey())) {
                        criterion(p).ifPresent(c -> {
                            if (c instanceof CpeCriterion cc) {
                                cpes.add(NvdConfiguration.single(cc));
                            } else {
                                purls.add((PurlCriterion) c);
                            }
                        });
                    } else if (NOT_AFFECTED.contains(entry.getKey())) {
                        criterion(p).ifPresent(notAffected::add);
                    }
                }
            }
            for (JsonNode s : Json.each(v.get("scores"))) {
                String base = Json.text(s.path("cvss_v3"), "baseSeverity");
                if (base != null && rank(base) > rank(severity)) {
                    severity = base;
                }
            }
        }
        String title = Json.text(document, "title");
        StringBuilder notes = new StringBuilder();
        for (JsonNode n : Json.each(document.get("notes"))) {
            if ("summary".equals(Json.text(n, "category")) || "description".equals(Json.text(n, "category"))) {
                notes.append(Json.text(n, "text")).append('\n');
            }
        }
        return new ParsedAdvisory(
                FeedKind.CSAF,
                "CSAF:" + namespace + "#" + trackingId,
                Json.truncate(title, 1000),
                notes.isEmpty() ? null : notes.toString().trim(),
                severity == null ? null : severity.toUpperCase(Locale.ROOT),
                List.copyOf(cves),
                new AffectedProducts(cpes, purls, notAffected),
                source,
                Json.date(Json.text(tracking, "initial_release_date")),
                null);
    }

    private static void branch(JsonNode b, Product inherited, Map<String, Product> products) {
        String category = Json.text(b, "category");
        String name = Json.text(b, "name");
        Product here = inherited;
        if ("product_version".equals(category)) {
            here = new Product(null, null, null, null, name, null);
        } else if ("product_version_range".equals(category)) {
            here = new Product(null, null, null, null, null, name);
        }
        here = new Product(
                null,
                null,
                null,
                null,
                here.version() != null ? here.version() : inherited.version(),
                here.range() != null ? here.range() : inherited.range());
        if (b.has("product")) {
            add(b.get("product"), null, here, products);
        }
        for (JsonNode c : Json.each(b.get("branches"))) {
            branch(c, here, products);
        }
    }

    private static void add(JsonNode fpn, Product component, Product versions, Map<String, Product> products) {
        String id = Json.text(fpn, "product_id");
        if (id == null) {
            throw new FeedException("CSAF product_tree: a product without product_id");
        }
        JsonNode helper = fpn.get("product_identification_helper");
        String cpe = Json.text(helper, "cpe");
        String purl = Json.text(helper, "purl");
        String version = versions == null ? null : versions.version();
        String range = versions == null ? null : versions.range();
        if (cpe == null && purl == null && component != null) {
            cpe = component.cpe();
            purl = component.purl();
            version = component.version();
            range = component.range();
        }
        products.put(id, new Product(id, Json.text(fpn, "name"), cpe, purl, version, range));
    }

    private static Optional<Criterion> criterion(Product p) {
        try {
            if (p.purl() != null) {
                String vers = p.range() != null && p.range().startsWith("vers:") ? p.range() : null;
                return Optional.of(new PurlCriterion(p.purl(), vers));
            }
            if (p.cpe() != null) {
                String cpe = CpeCriterion.normalise(p.cpe());
                if (p.range() != null) {
                    String[] b = bounds(p.range());
                    if (b != null) {
                        String any = anyVersion(cpe);
                        return Optional.of(new CpeCriterion(any, b[0], b[1], b[2], b[3]));
                    }
                }
                return Optional.of(CpeCriterion.of(cpe));
            }
        } catch (IllegalArgumentException e) {
            throw new FeedException("CSAF product " + p.id() + ": " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    /** {@code vers:generic/>=2.9|<=4.1} or free text {@code <=1.14.0} → startIncl, startExcl, endIncl, endExcl. */
    static String[] bounds(String range) {
        String body = range.startsWith("vers:") ? range.substring(range.indexOf('/') + 1) : range;
        String[] out = new String[4];
        for (String part : body.split("\\|")) {
            Matcher m = SIMPLE_RANGE.matcher(part);
            if (!m.matches()) {
                return null;
            }
            int slot = switch (m.group(1)) {
                case ">=" -> 0;
                case ">" -> 1;
                case "<=" -> 2;
                default -> 3;
            };
            out[slot] = m.group(2);
        }
        return out;
    }

    private static String anyVersion(String cpe23) {
        String[] parts = cpe23.split(":", -1);
        if (parts.length > 5) {
            parts[5] = "*";
        }
        return String.join(":", parts);
    }

    private static int rank(String severity) {
        if (severity == null) {
            return -1;
        }
        return switch (severity.toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> 4;
            case "HIGH", "IMPORTANT" -> 3;
            case "MEDIUM", "MODERATE" -> 2;
            case "LOW" -> 1;
            default -> 0;
        };
    }
}
