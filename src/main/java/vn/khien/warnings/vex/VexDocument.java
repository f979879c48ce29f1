package vn.khien.warnings.vex;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A VEX document read into format-neutral statements. Three formats are read, detected from the content:
 * <ul>
 *   <li><b>CSAF 2.0 VEX</b> ({@code document.csaf_version} 2.0): {@code product_status} lists per vulnerability,
 *   products resolved through {@code product_tree} (branches, full product names, relationships) to their
 *   {@code product_identification_helper}; a {@code known_not_affected} product needs a justification flag
 *   ({@code flags[].label} naming it).</li>
 *   <li><b>CycloneDX VEX</b> ({@code bomFormat} CycloneDX): {@code vulnerabilities[].analysis.state} and
 *   {@code justification}, {@code affects[].ref} resolved to the BOM's components (purl, cpe) or read as a purl;
 *   CycloneDX justifications are mapped to the CSAF labels (the mapping of the CISA "Minimum Requirements for VEX"
 *   paper).</li>
 *   <li><b>OpenVEX</b> ({@code @context} https://openvex.dev/ns…): {@code statements[]} with {@code vulnerability}
 *   (object or, in v0.0.x, a string), {@code products} (objects with {@code @id}/{@code identifiers}, or strings),
 *   {@code status} and {@code justification}, whose labels are the CSAF ones.</li>
 * </ul>
 * Every problem is a {@link VexException} naming the field; nothing is half-read.
 */
public record VexDocument(Format format, @Nullable String id, List<VexStatement> statements) {

    public enum Format {
        CSAF,
        CYCLONEDX,
        OPENVEX
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> CSAF_LABELS = Set.of(
            "component_not_present",
            "vulnerable_code_not_present",
            "vulnerable_code_not_in_execute_path",
            "vulnerable_code_cannot_be_controlled_by_adversary",
            "inline_mitigations_already_exist");
    /** CycloneDX 1.4+ analysis.justification → CSAF flag label. */
    private static final Map<String, String> CYCLONEDX_JUSTIFICATIONS = Map.of(
            "code_not_present", "vulnerable_code_not_present",
            "code_not_reachable", "vulnerable_code_not_in_execute_path",
            "requires_configuration", "vulnerable_code_cannot_be_controlled_by_adversary",
            "requires_dependency", "component_not_present",
            "requires_environment", "vulnerable_code_cannot_be_controlled_by_adversary",
            "protected_by_compiler", "inline_mitigations_already_exist",
            "protected_at_runtime", "inline_mitigations_already_exist",
            "protected_at_perimeter", "inline_mitigations_already_exist",
            "protected_by_mitigating_control", "inline_mitigations_already_exist");

    public static VexDocument read(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new VexException("file", "not valid JSON (" + shortMessage(e) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new VexException("file", "not a JSON object");
        }
        if (root.has("document")) {
            return csaf(root);
        }
        if ("CycloneDX".equals(text(root, "bomFormat"))) {
            return cyclonedx(root);
        }
        String context = text(root, "@context");
        if (context != null && context.startsWith("https://openvex.dev/ns")) {
            return openvex(root);
        }
        throw new VexException(
                "file",
                "not a VEX document: expected CSAF 2.0 (document.csaf_version), "
                        + "CycloneDX (bomFormat) or OpenVEX (@context https://openvex.dev/ns)");
    }

    // ---- CSAF 2.0

    private static VexDocument csaf(JsonNode root) {
        JsonNode document = root.get("document");
        String version = text(document, "csaf_version");
        if (!"2.0".equals(version)) {
            throw new VexException("document.csaf_version", "is " + version + ", only 2.0 is read");
        }
        String trackingId = text(document.path("tracking"), "id");
        Map<String, VexStatement.Product> products = new LinkedHashMap<>();
        JsonNode tree = root.get("product_tree");
        if (tree != null) {
            int i = 0;
            for (JsonNode b : each(tree.get("branches"))) {
                csafBranch(b, "product_tree.branches[" + i++ + "]", products);
            }
            i = 0;
            for (JsonNode f : each(tree.get("full_product_names"))) {
                csafProduct(f, "product_tree.full_product_names[" + i++ + "]", null, products);
            }
            i = 0;
            for (JsonNode r : each(tree.get("relationships"))) {
                String field = "product_tree.relationships[" + i++ + "]";
                JsonNode f = r.get("full_product_name");
                if (f != null) {
                    csafProduct(f, field + ".full_product_name", products.get(text(r, "product_reference")), products);
                }
            }
        }
        JsonNode vulns = root.get("vulnerabilities");
        if (vulns == null || !vulns.isArray() || vulns.isEmpty()) {
            throw new VexException("vulnerabilities", "a VEX document needs at least one vulnerability");
        }
        List<VexStatement> out = new ArrayList<>();
        int vi = 0;
        for (JsonNode v : vulns) {
            String field = "vulnerabilities[" + vi++ + "]";
            Set<String> ids = new LinkedHashSet<>();
            addId(ids, text(v, "cve"));
            for (JsonNode id : each(v.get("ids"))) {
                addId(ids, text(id, "text"));
            }
            if (ids.isEmpty()) {
                throw new VexException(field + ".cve", "a vulnerability needs a cve or ids");
            }
            Map<String, String> justificationOf = new LinkedHashMap<>();
            int fi = 0;
            for (JsonNode flag : each(v.get("flags"))) {
                String label = text(flag, "label");
                if (label == null || !CSAF_LABELS.contains(label)) {
                    throw new VexException(field + ".flags[" + fi + "].label", "unknown justification " + label);
                }
                for (String pid : texts(flag.get("product_ids"))) {
                    justificationOf.put(pid, label);
                }
                fi++;
            }
            String detail = null;
            for (JsonNode threat : each(v.get("threats"))) {
                if ("impact".equals(text(threat, "category"))) {
                    detail = text(threat, "details");
                }
            }
            JsonNode status = v.get("product_status");
            if (status == null || !status.isObject()) {
                throw new VexException(field + ".product_status", "required in a VEX document");
            }
            csafStatus(
                    out,
                    field,
                    ids,
                    status,
                    "known_not_affected",
                    VexStatement.Status.NOT_AFFECTED,
                    products,
                    justificationOf,
                    detail);
            csafStatus(
                    out,
                    field,
                    ids,
                    status,
                    "known_affected",
                    VexStatement.Status.AFFECTED,
                    products,
                    justificationOf,
                    detail);
            csafStatus(out, field, ids, status, "fixed", VexStatement.Status.FIXED, products, justificationOf, detail);
            csafStatus(
                    out,
                    field,
                    ids,
                    status,
                    "under_investigation",
                    VexStatement.Status.UNDER_INVESTIGATION,
                    products,
                    justificationOf,
                    detail);
        }
        return new VexDocument(Format.CSAF, trackingId, out);
    }

    private static void csafStatus(
            List<VexStatement> out,
            String field,
            Set<String> ids,
            JsonNode status,
            String list,
            VexStatement.Status s,
            Map<String, VexStatement.Product> products,
            Map<String, String> justificationOf,
            @Nullable String detail) {
        int i = 0;
        for (String pid : texts(status.get(list))) {
            String f = field + ".product_status." + list + "[" + i++ + "]";
            VexStatement.Product p = products.get(pid);
            if (p == null) {
                throw new VexException(f, "product " + pid + " is not defined in product_tree");
            }
            String justification = justificationOf.get(pid);
            if (s == VexStatement.Status.NOT_AFFECTED && justification == null) {
                throw new VexException(
                        f,
                        "product " + pid + " is known_not_affected without a justification flag" + " (" + field
                                + ".flags[].label)");
            }
            out.add(new VexStatement(
                    f, ids, List.of(p), s, s == VexStatement.Status.NOT_AFFECTED ? justification : null, detail));
        }
    }

    private static void csafBranch(JsonNode b, String field, Map<String, VexStatement.Product> products) {
        if (b.get("product") != null) {
            csafProduct(b.get("product"), field + ".product", null, products);
        }
        int i = 0;
        for (JsonNode c : each(b.get("branches"))) {
            csafBranch(c, field + ".branches[" + i++ + "]", products);
        }
    }

    private static void csafProduct(
            JsonNode f,
            String field,
            VexStatement.@Nullable Product component,
            Map<String, VexStatement.Product> products) {
        String id = text(f, "product_id");
        if (id == null) {
            throw new VexException(field + ".product_id", "required");
        }
        JsonNode helper = f.path("product_identification_helper");
        String purl = text(helper, "purl");
        String cpe = text(helper, "cpe");
        if (purl == null && cpe == null && component != null) {
            purl = component.purl();
            cpe = component.cpe();
        }
        products.put(id, new VexStatement.Product(field, id, text(f, "name"), purl, cpe));
    }

    // ---- CycloneDX

    private static VexDocument cyclonedx(JsonNode root) {
        Map<String, VexStatement.Product> byRef = new LinkedHashMap<>();
        collectComponents(root.path("metadata").get("component"), "metadata.component", byRef);
        int ci = 0;
        for (JsonNode c : each(root.get("components"))) {
            collectComponents(c, "components[" + ci++ + "]", byRef);
        }
        JsonNode vulns = root.get("vulnerabilities");
        if (vulns == null || !vulns.isArray() || vulns.isEmpty()) {
            throw new VexException("vulnerabilities", "a VEX document needs at least one vulnerability");
        }
        List<VexStatement> out = new ArrayList<>();
        int vi = 0;
        for (JsonNode v : vulns) {
            String field = "vulnerabilities[" + vi++ + "]";
            Set<String> ids = new LinkedHashSet<>();
            addId(ids, text(v, "id"));
            for (JsonNode r : each(v.get("references"))) {
                addId(ids, text(r, "id"));
            }
            if (ids.isEmpty()) {
                throw new VexException(field + ".id", "required");
            }
            JsonNode analysis = v.get("analysis");
            String state = text(analysis, "state");
            if (state == null) {
                throw new VexException(field + ".analysis.state", "required in a VEX document");
            }
            VexStatement.Status status = switch (state) {
                case "not_affected", "false_positive" -> VexStatement.Status.NOT_AFFECTED;
                case "exploitable" -> VexStatement.Status.AFFECTED;
                case "resolved", "resolved_with_pedigree" -> VexStatement.Status.FIXED;
                case "in_triage" -> VexStatement.Status.UNDER_INVESTIGATION;
                default -> throw new VexException(field + ".analysis.state", "unknown state " + state);
            };
            String justification = null;
            if (status == VexStatement.Status.NOT_AFFECTED) {
                String j = text(analysis, "justification");
                if (j == null && "false_positive".equals(state)) {
                    j = "code_not_present";
                }
                if (j == null) {
                    throw new VexException(field + ".analysis.justification", "required when the state is " + state);
                }
                justification = CYCLONEDX_JUSTIFICATIONS.get(j);
                if (justification == null) {
                    throw new VexException(field + ".analysis.justification", "unknown justification " + j);
                }
            }
            List<VexStatement.Product> products = new ArrayList<>();
            int ai = 0;
            for (JsonNode a : each(v.get("affects"))) {
                String af = field + ".affects[" + ai++ + "].ref";
                String ref = text(a, "ref");
                if (ref == null) {
                    throw new VexException(af, "required");
                }
                VexStatement.Product p = byRef.get(ref);
                if (p == null) {
                    p = productFromIdentifier(af, ref);
                }
                products.add(p);
            }
            if (products.isEmpty()) {
                throw new VexException(field + ".affects", "a statement needs at least one product");
            }
            out.add(new VexStatement(field, ids, products, status, justification, text(analysis, "detail")));
        }
        return new VexDocument(Format.CYCLONEDX, text(root, "serialNumber"), out);
    }

    private static void collectComponents(JsonNode c, String field, Map<String, VexStatement.Product> byRef) {
        if (c == null || !c.isObject()) {
            return;
        }
        String ref = text(c, "bom-ref");
        VexStatement.Product p = new VexStatement.Product(field, ref, text(c, "name"), text(c, "purl"), text(c, "cpe"));
        if (ref != null) {
            byRef.put(ref, p);
        }
        int i = 0;
        for (JsonNode sub : each(c.get("components"))) {
            collectComponents(sub, field + ".components[" + i++ + "]", byRef);
        }
    }

    // ---- OpenVEX

    private static VexDocument openvex(JsonNode root) {
        JsonNode statements = root.get("statements");
        if (statements == null || !statements.isArray() || statements.isEmpty()) {
            throw new VexException("statements", "an OpenVEX document needs at least one statement");
        }
        List<VexStatement> out = new ArrayList<>();
        int si = 0;
        for (JsonNode s : statements) {
            String field = "statements[" + si++ + "]";
            Set<String> ids = new LinkedHashSet<>();
            JsonNode vuln = s.get("vulnerability");
            if (vuln != null && vuln.isString()) {
                ids.add(vuln.asString().trim().toUpperCase(Locale.ROOT));
            } else if (vuln != null && vuln.isObject()) {
                addId(ids, text(vuln, "name"));
                for (String alias : texts(vuln.get("aliases"))) {
                    ids.add(alias.trim().toUpperCase(Locale.ROOT));
                }
            }
            if (ids.isEmpty()) {
                throw new VexException(field + ".vulnerability", "required (a name such as CVE-2021-44228)");
            }
            String st = text(s, "status");
            if (st == null) {
                throw new VexException(field + ".status", "required");
            }
            VexStatement.Status status = switch (st) {
                case "not_affected" -> VexStatement.Status.NOT_AFFECTED;
                case "affected" -> VexStatement.Status.AFFECTED;
                case "fixed" -> VexStatement.Status.FIXED;
                case "under_investigation" -> VexStatement.Status.UNDER_INVESTIGATION;
                default -> throw new VexException(field + ".status", "unknown status " + st);
            };
            String justification = null;
            if (status == VexStatement.Status.NOT_AFFECTED) {
                justification = text(s, "justification");
                if (justification == null) {
                    throw new VexException(
                            field + ".justification",
                            "required when the status is not_affected"
                                    + " (Khiên records a justification code, an impact_statement alone is not enough)");
                }
                if (!CSAF_LABELS.contains(justification)) {
                    throw new VexException(field + ".justification", "unknown justification " + justification);
                }
            }
            List<VexStatement.Product> products = new ArrayList<>();
            int pi = 0;
            for (JsonNode p : each(s.get("products"))) {
                String pf = field + ".products[" + pi++ + "]";
                if (p.isString()) {
                    products.add(productFromIdentifier(pf, p.asString()));
                    continue;
                }
                String id = text(p, "@id");
                JsonNode identifiers = p.path("identifiers");
                String purl = text(identifiers, "purl");
                String cpe =
                        text(identifiers, "cpe23") != null ? text(identifiers, "cpe23") : text(identifiers, "cpe22");
                if (id == null && purl == null && cpe == null) {
                    throw new VexException(pf + ".@id", "a product needs an @id or identifiers");
                }
                VexStatement.Product base = id == null ? null : productFromIdentifier(pf, id);
                products.add(new VexStatement.Product(
                        pf,
                        id,
                        null,
                        purl != null ? purl : base == null ? null : base.purl(),
                        cpe != null ? cpe : base == null ? null : base.cpe()));
            }
            if (products.isEmpty()) {
                throw new VexException(field + ".products", "a statement needs at least one product");
            }
            String detail = text(s, "impact_statement") != null
                    ? text(s, "impact_statement")
                    : text(s, "action_statement") != null ? text(s, "action_statement") : text(s, "status_notes");
            out.add(new VexStatement(field, ids, products, status, justification, detail));
        }
        return new VexDocument(Format.OPENVEX, text(root, "@id"), out);
    }

    private static VexStatement.Product productFromIdentifier(String field, String ref) {
        String r = ref.trim();
        if (r.startsWith("pkg:")) {
            return new VexStatement.Product(field, r, null, r, null);
        }
        if (r.startsWith("cpe:")) {
            return new VexStatement.Product(field, r, null, null, r);
        }
        return new VexStatement.Product(field, r, r, null, null);
    }

    // ---- JSON helpers

    /** A vulnerability id as compared: trimmed and upper-case; none when the document gives none. */
    private static void addId(Set<String> ids, @Nullable String id) {
        if (id != null) {
            ids.add(id.trim().toUpperCase(Locale.ROOT));
        }
    }

    private static @Nullable String text(@Nullable JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainer() || v.asString().isBlank() ? null : v.asString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : each(array)) {
            if (!e.isContainer() && !e.isNull()) {
                out.add(e.asString());
            }
        }
        return out;
    }

    private static Iterable<JsonNode> each(JsonNode array) {
        return array != null && array.isArray() ? array : List.of();
    }

    private static String shortMessage(JacksonException e) {
        String m = e.getOriginalMessage();
        return m == null ? "malformed" : m.length() > 160 ? m.substring(0, 160) : m;
    }
}
