package vn.khien.warnings.advisories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import vn.khien.warnings.matching.AffectedProducts;
import vn.khien.warnings.matching.CpeCriterion;
import vn.khien.warnings.matching.NvdConfiguration;

/** NVD CVE API 2.0 records: an element's {@code cve} object, or a bare record as mirrored per CVE. */
final class NvdReader {

    private NvdReader() {}

    static void checkHeader(JsonNode header) {
        String version = Json.text(header, "version");
        if (version != null && !version.startsWith("2.")) {
            throw new FeedException("NVD feed version " + version + " is not the CVE API 2.0 format");
        }
    }

    static ParsedAdvisory record(JsonNode cve, String source) {
        String id = Json.text(cve, "id");
        if (id == null || !FeedReader.CVE.matcher(id).matches()) {
            throw new FeedException("NVD record without a CVE id: " + id);
        }
        String description = null;
        for (JsonNode d : Json.each(cve.get("descriptions"))) {
            if ("en".equals(Json.text(d, "lang"))) {
                description = Json.text(d, "value");
            }
        }
        List<NvdConfiguration> configurations = new ArrayList<>();
        try {
            for (JsonNode c : Json.each(cve.get("configurations"))) {
                List<NvdConfiguration.Node> nodes = new ArrayList<>();
                for (JsonNode n : Json.each(c.get("nodes"))) {
                    List<NvdConfiguration.Match> matches = new ArrayList<>();
                    for (JsonNode m : Json.each(n.get("cpeMatch"))) {
                        String criteria = Json.text(m, "criteria");
                        if (criteria == null) {
                            throw new FeedException(id + ": cpeMatch without \"criteria\"");
                        }
                        matches.add(new NvdConfiguration.Match(
                                m.path("vulnerable").asBoolean(false),
                                new CpeCriterion(
                                        criteria,
                                        Json.text(m, "versionStartIncluding"),
                                        Json.text(m, "versionStartExcluding"),
                                        Json.text(m, "versionEndIncluding"),
                                        Json.text(m, "versionEndExcluding"))));
                    }
                    nodes.add(new NvdConfiguration.Node(
                            "AND".equals(Json.text(n, "operator")),
                            n.path("negate").asBoolean(false),
                            matches));
                }
                configurations.add(new NvdConfiguration("AND".equals(Json.text(c, "operator")), nodes));
            }
        } catch (IllegalArgumentException e) {
            throw new FeedException(id + ": " + e.getMessage(), e);
        }
        return new ParsedAdvisory(
                FeedKind.NVD,
                "NVD:" + id,
                id,
                description,
                severity(cve.get("metrics")),
                List.of(id),
                new AffectedProducts(configurations, List.of(), List.of()),
                source,
                Json.date(Json.text(cve, "published")),
                null);
    }

    private static String severity(JsonNode metrics) {
        if (metrics == null) {
            return null;
        }
        for (String key : List.of("cvssMetricV40", "cvssMetricV31", "cvssMetricV30", "cvssMetricV2")) {
            for (JsonNode m : Json.each(metrics.get(key))) {
                String s = Json.text(m.path("cvssData"), "baseSeverity");
                if (s == null) {
                    s = Json.text(m, "baseSeverity");
                }
                if (s != null) {
                    return s.toUpperCase(Locale.ROOT);
                }
            }
        }
        return null;
    }
}
