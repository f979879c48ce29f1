package vn.khien.warnings.advisories;

import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.khien.warnings.matching.AffectedProducts;

/** CISA KEV catalogue entries (schema: catalogVersion, dateReleased, vulnerabilities[] with cveID …). */
final class KevReader {

    private KevReader() {}

    static void checkHeader(JsonNode header) {
        if (Json.text(header, "catalogVersion") == null) {
            throw new FeedException("KEV catalogue: \"catalogVersion\" is missing");
        }
        if (Json.text(header, "dateReleased") == null) {
            throw new FeedException("KEV catalogue: \"dateReleased\" is missing");
        }
    }

    static ParsedAdvisory entry(JsonNode e, int index, String source) {
        String cve = Json.text(e, "cveID");
        if (cve == null || !FeedReader.CVE.matcher(cve).matches()) {
            throw new FeedException("KEV entry " + (index + 1) + ": \"cveID\" is not a CVE id: " + cve);
        }
        var kev = new ParsedAdvisory.Kev(
                Json.text(e, "vendorProject"),
                Json.text(e, "product"),
                Json.date(Json.text(e, "dateAdded")),
                Json.date(Json.text(e, "dueDate")),
                Json.text(e, "knownRansomwareCampaignUse"));
        if (kev.dateAdded() == null) {
            throw new FeedException("KEV entry " + cve + ": \"dateAdded\" is missing or not a date");
        }
        String description = Json.text(e, "shortDescription");
        String action = Json.text(e, "requiredAction");
        return new ParsedAdvisory(
                FeedKind.KEV,
                "KEV:" + cve,
                Json.truncate(Json.text(e, "vulnerabilityName"), 1000),
                description == null ? action : action == null ? description : description + "\n\n" + action,
                null,
                List.of(cve),
                AffectedProducts.empty(),
                source,
                kev.dateAdded(),
                kev);
    }
}
