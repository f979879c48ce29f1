package vn.khien.systems.sbom;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;
import vn.khien.platform.SafeText;
import vn.khien.systems.register.Component;
import vn.khien.systems.register.ComponentKind;
import vn.khien.systems.register.ComponentRequest;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.SystemService;

/**
 * Imports a CycloneDX JSON SBOM (1.x) as SOFTWARE components of a system, all or nothing: every component is read
 * and checked first, each problem named by its JSON path ({@code components[3].purl}); then the new ones are added
 * through the register's own {@link SystemService#addComponent} (its rules, its audit record per component, its
 * re-matching of warnings) in one transaction, with one summary record in the audit trail. Components already in
 * the inventory (same purl, or same product and version) are left alone, so importing the same SBOM twice adds
 * nothing.
 */
@Service
class SbomImport {

    /** Largest SBOM accepted (Khiên's own is about 200 KB). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    static final int MAX_COMPONENTS = 5000;

    public record Result(int read, int added, int alreadyPresent, String sbomName) {}

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final SystemService systems;
    private final AuditTrail audit;

    public SbomImport(SystemService systems, AuditTrail audit) {
        this.systems = systems;
        this.audit = audit;
    }

    @Transactional
    public Result importSbom(long systemId, byte[] content) {
        InformationSystem system = systems.get(systemId); // 404 outside the caller's scope, before reading anything
        if (content == null || content.length == 0) {
            throw new FieldProblemException("file", "validation.required");
        }
        if (content.length > MAX_BYTES) {
            throw new FieldProblemException("file", "sbom.error.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        JsonNode bom;
        try {
            bom = JSON.readTree(content);
        } catch (JacksonException e) {
            throw new FieldProblemException("file", "sbom.error.notJson");
        }
        if (bom == null || !bom.isObject() || !"CycloneDX".equals(text(bom.get("bomFormat")))) {
            throw new FieldProblemException("bomFormat", "sbom.error.notCycloneDx");
        }
        String spec = text(bom.get("specVersion"));
        if (spec == null || !spec.matches("1\\.[0-9]{1,2}")) {
            throw new FieldProblemException("specVersion", "sbom.error.specVersion");
        }
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        JsonNode components = bom.get("components");
        if (components != null && !components.isArray()) {
            throw new FieldProblemException("components", "sbom.error.notArray");
        }
        collect(components, "components", found);
        if (found.size() > MAX_COMPONENTS) {
            throw new FieldProblemException("components", "sbom.error.tooMany", MAX_COMPONENTS);
        }

        List<FieldProblem> problems = new ArrayList<>();
        Map<String, ComponentRequest> requests = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : found) {
            ComponentRequest r = request(e.getKey(), e.getValue(), problems);
            if (r != null) {
                requests.putIfAbsent(identity(r.getPurl(), r.getProduct(), r.getVersion()), r);
            }
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        Set<String> present = new HashSet<>();
        for (Component c : systems.components(systemId)) {
            present.add(identity(c.purl(), c.product(), c.version()));
        }
        int added = 0;
        int already = 0;
        for (Map.Entry<String, ComponentRequest> e : requests.entrySet()) {
            if (present.contains(e.getKey())) {
                already++;
            } else {
                try {
                    systems.addComponent(systemId, e.getValue());
                } catch (FieldProblemException p) {
                    // The register's own rules (CPE, purl syntax): named at the SBOM's path; the transaction rolls
                    // back every component added before.
                    String at = pathOf(e.getValue());
                    throw new FieldProblemException(p.problems().stream()
                            .map(f -> new FieldProblem(at + "." + f.field(), f.messageKey(), f.args()))
                            .toList());
                }
                added++;
            }
        }
        String name = SafeText.forStorage(bomName(bom), 200);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sbom", name);
        details.put("read", found.size());
        details.put("added", added);
        details.put("alreadyPresent", already);
        audit.record(new AuditEntry(
                "system.sbom.import",
                system.ownerOrganizationId(),
                "information_system",
                String.valueOf(systemId),
                details));
        return new Result(found.size(), added, already, name);
    }

    /** Components, and components nested in components (CycloneDX assemblies), with their JSON paths. */
    private static void collect(@Nullable JsonNode array, String path, List<Map.Entry<String, JsonNode>> out) {
        if (array == null || !array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size() && out.size() <= MAX_COMPONENTS; i++) {
            JsonNode c = array.get(i);
            String at = path + "[" + i + "]";
            out.add(Map.entry(at, c));
            if (c != null && c.isObject() && c.get("components") != null) {
                collect(c.get("components"), at + ".components", out);
            }
        }
    }

    private static @Nullable ComponentRequest request(String at, @Nullable JsonNode c, List<FieldProblem> problems) {
        if (c == null || !c.isObject()) {
            problems.add(new FieldProblem(at, "sbom.error.notObject"));
            return null;
        }
        int before = problems.size();
        String name = field(c, at, "name", 200, true, problems);
        String version = field(c, at, "version", 100, false, problems);
        String group = field(c, at, "group", 200, false, problems);
        String cpe = field(c, at, "cpe", 500, false, problems);
        String purl = field(c, at, "purl", 500, false, problems);
        String publisher = field(c, at, "publisher", 200, false, problems);
        if (problems.size() > before) {
            return null;
        }
        ComponentRequest r = new ComponentRequest();
        r.setKind(ComponentKind.SOFTWARE);
        r.setProduct(name);
        r.setVersion(version);
        r.setVendor(group != null ? group : publisher);
        r.setCpe(cpe);
        r.setPurl(purl);
        r.setNotes("SBOM " + at);
        return r;
    }

    private static @Nullable String field(
            JsonNode c, String at, String key, int max, boolean required, List<FieldProblem> problems) {
        JsonNode v = c.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(new FieldProblem(at + "." + key, "validation.required"));
            }
            return null;
        }
        if (!v.isString()) {
            problems.add(new FieldProblem(at + "." + key, "sbom.error.notText"));
            return null;
        }
        String s = v.asString().trim();
        if (s.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(at + "." + key, "validation.required"));
            }
            return null;
        }
        if (s.length() > max) {
            problems.add(new FieldProblem(at + "." + key, "sbom.error.tooLong", max));
            return null;
        }
        if (SafeText.firstRefused(s, false) >= 0) {
            problems.add(new FieldProblem(at + "." + key, "sbom.error.control"));
            return null;
        }
        return s;
    }

    private static String pathOf(ComponentRequest r) {
        return Objects.requireNonNull(r.getNotes(), "written by this import").substring("SBOM ".length());
    }

    static String identity(@Nullable String purl, @Nullable String product, @Nullable String version) {
        if (purl != null) {
            return "purl:" + purl.toLowerCase(Locale.ROOT);
        }
        return "pv:" + (product == null ? "" : product.toLowerCase(Locale.ROOT)) + "@"
                + (version == null ? "" : version);
    }

    private static String bomName(JsonNode bom) {
        JsonNode c = bom.path("metadata").path("component");
        String n = text(c.get("name"));
        String v = text(c.get("version"));
        return n == null ? "CycloneDX" : v == null ? n : n + " " + v;
    }

    private static @Nullable String text(@Nullable JsonNode n) {
        return n != null && n.isString() ? n.asString() : null;
    }
}
