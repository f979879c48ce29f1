package vn.khien.warnings.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores {@link AffectedProducts} as JSON (column {@code affected} of advisories and warnings) and gives the flat
 * list the API shows: {@code {"cpe", "versionStartIncluding"…}} or {@code {"purl", "vers"}} per vulnerable product,
 * platforms marked {@code "platform": true}.
 */
public final class AffectedJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AffectedJson() {}

    public static String write(AffectedProducts a) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> configs = new ArrayList<>();
        for (NvdConfiguration c : a.configurations()) {
            List<Object> nodes = new ArrayList<>();
            for (NvdConfiguration.Node n : c.nodes()) {
                List<Object> matches = new ArrayList<>();
                for (NvdConfiguration.Match m : n.matches()) {
                    Map<String, Object> mm = cpe(m.criterion());
                    mm.put("vulnerable", m.vulnerable());
                    matches.add(mm);
                }
                nodes.add(Map.of("and", n.and(), "negate", n.negate(), "matches", matches));
            }
            configs.add(Map.of("and", c.and(), "nodes", nodes));
        }
        root.put("configurations", configs);
        root.put("purls", a.purls().stream().map(AffectedJson::purl).toList());
        root.put(
                "notAffected",
                a.notAffected().stream()
                        .map(c -> c instanceof CpeCriterion cc ? cpe(cc) : purl((PurlCriterion) c))
                        .toList());
        return JSON.writeValueAsString(root);
    }

    public static AffectedProducts read(String json) {
        if (json == null || json.isBlank()) {
            return AffectedProducts.empty();
        }
        JsonNode root = JSON.readTree(json);
        List<NvdConfiguration> configs = new ArrayList<>();
        for (JsonNode c : root.path("configurations")) {
            List<NvdConfiguration.Node> nodes = new ArrayList<>();
            for (JsonNode n : c.path("nodes")) {
                List<NvdConfiguration.Match> matches = new ArrayList<>();
                for (JsonNode m : n.path("matches")) {
                    matches.add(new NvdConfiguration.Match(m.path("vulnerable").asBoolean(), cpe(m)));
                }
                nodes.add(new NvdConfiguration.Node(
                        n.path("and").asBoolean(), n.path("negate").asBoolean(), matches));
            }
            configs.add(new NvdConfiguration(c.path("and").asBoolean(), nodes));
        }
        List<PurlCriterion> purls = new ArrayList<>();
        for (JsonNode p : root.path("purls")) {
            purls.add(purl(p));
        }
        List<Criterion> not = new ArrayList<>();
        for (JsonNode p : root.path("notAffected")) {
            not.add(p.has("purl") ? purl(p) : cpe(p));
        }
        return new AffectedProducts(configs, purls, not);
    }

    /** The flat list of the API ({@code affected} of advisories and warnings). */
    public static List<Map<String, Object>> flat(AffectedProducts a) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NvdConfiguration c : a.configurations()) {
            for (NvdConfiguration.Node n : c.nodes()) {
                for (NvdConfiguration.Match m : n.matches()) {
                    Map<String, Object> mm = cpe(m.criterion());
                    if (!m.vulnerable()) {
                        mm.put("platform", true);
                    }
                    out.add(mm);
                }
            }
        }
        a.purls().forEach(p -> out.add(purl(p)));
        return out;
    }

    static Map<String, Object> cpe(CpeCriterion c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpe", c.cpe());
        put(m, "versionStartIncluding", c.startIncluding());
        put(m, "versionStartExcluding", c.startExcluding());
        put(m, "versionEndIncluding", c.endIncluding());
        put(m, "versionEndExcluding", c.endExcluding());
        return m;
    }

    static Map<String, Object> purl(PurlCriterion p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("purl", p.purl());
        put(m, "vers", p.vers());
        return m;
    }

    private static CpeCriterion cpe(JsonNode m) {
        return new CpeCriterion(
                m.path("cpe").asString(),
                text(m, "versionStartIncluding"),
                text(m, "versionStartExcluding"),
                text(m, "versionEndIncluding"),
                text(m, "versionEndExcluding"));
    }

    private static PurlCriterion purl(JsonNode m) {
        return new PurlCriterion(m.path("purl").asString(), text(m, "vers"));
    }

    private static @Nullable String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static void put(Map<String, Object> m, String k, @Nullable Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
