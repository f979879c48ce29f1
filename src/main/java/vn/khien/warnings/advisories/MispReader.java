package vn.khien.warnings.advisories;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.khien.warnings.matching.AffectedProducts;
import vn.khien.warnings.matching.CpeCriterion;
import vn.khien.warnings.matching.NvdConfiguration;

/**
 * A MISP event JSON ({@code {"Event": {...}}}): CVE ids from {@code vulnerability} attributes (also inside objects),
 * affected products from {@code cpe} attributes.
 */
final class MispReader {

    private MispReader() {}

    static ParsedAdvisory event(JsonNode event, String source) {
        String uuid = Json.text(event, "uuid");
        String info = Json.text(event, "info");
        if (uuid == null || info == null) {
            throw new FeedException("MISP event: \"uuid\" and \"info\" are required");
        }
        LinkedHashSet<String> cves = new LinkedHashSet<>();
        List<NvdConfiguration> cpes = new ArrayList<>();
        List<JsonNode> attributes = new ArrayList<>();
        Json.each(event.get("Attribute")).forEach(attributes::add);
        for (JsonNode o : Json.each(event.get("Object"))) {
            Json.each(o.get("Attribute")).forEach(attributes::add);
        }
        for (JsonNode a : attributes) {
            String type = Json.text(a, "type");
            String value = Json.text(a, "value");
            if (value == null) {
                continue;
            }
            if ("vulnerability".equals(type)
                    && FeedReader.CVE.matcher(value.trim()).matches()) {
                cves.add(value.trim());
            } else if ("cpe".equals(type)) {
                try {
                    cpes.add(NvdConfiguration.single(CpeCriterion.of(value)));
                } catch (IllegalArgumentException e) {
                    throw new FeedException("MISP attribute " + Json.text(a, "uuid") + ": " + e.getMessage(), e);
                }
            }
        }
        String level = Json.text(event, "threat_level_id");
        String severity = level == null
                ? null
                : switch (level) {
                    case "1" -> "HIGH";
                    case "2" -> "MEDIUM";
                    case "3" -> "LOW";
                    default -> null;
                };
        return new ParsedAdvisory(
                FeedKind.MISP,
                "MISP:" + uuid,
                Json.truncate(info, 1000),
                info,
                severity,
                List.copyOf(cves),
                new AffectedProducts(cpes, List.of(), List.of()),
                source,
                Json.date(Json.text(event, "date")),
                null);
    }
}
