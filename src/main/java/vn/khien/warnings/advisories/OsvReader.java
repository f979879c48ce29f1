package vn.khien.warnings.advisories;

import com.github.packageurl.PackageURL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import vn.khien.warnings.matching.AffectedProducts;
import vn.khien.warnings.matching.OsvRanges;
import vn.khien.warnings.matching.PurlCriterion;

/** OSV records (schema 1.x): affected packages with ECOSYSTEM/SEMVER ranges and listed versions. */
final class OsvReader {

    private OsvReader() {}

    static ParsedAdvisory record(JsonNode doc, String source) {
        String id = Json.text(doc, "id");
        LinkedHashSet<String> cves = new LinkedHashSet<>();
        if (FeedReader.CVE.matcher(id).matches()) {
            cves.add(id);
        }
        for (String a : Json.texts(doc.get("aliases"))) {
            if (FeedReader.CVE.matcher(a).matches()) {
                cves.add(a);
            }
        }
        List<PurlCriterion> purls = new ArrayList<>();
        int index = 0;
        for (JsonNode affected : Json.each(doc.get("affected"))) {
            index++;
            JsonNode pkg = affected.get("package");
            String ecosystem = Json.text(pkg, "ecosystem");
            String name = Json.text(pkg, "name");
            String purl = basePurl(Json.text(pkg, "purl"), ecosystem, name);
            String where = id + " affected[" + index + "] (" + ecosystem + " " + name + ")";
            for (JsonNode range : Json.each(affected.get("ranges"))) {
                String type = Json.text(range, "type");
                if ("GIT".equals(type)) {
                    continue; // commit ranges say nothing about released versions
                }
                List<Map.Entry<String, String>> events = new ArrayList<>();
                for (JsonNode ev : Json.each(range.get("events"))) {
                    ev.properties()
                            .forEach(p -> events.add(
                                    Map.entry(p.getKey(), p.getValue().asString())));
                }
                try {
                    var vers = OsvRanges.toVers(type, ecosystem, events);
                    if (purl != null) {
                        purls.add(new PurlCriterion(purl, vers.toString()));
                    }
                } catch (IllegalArgumentException e) {
                    throw new FeedException(where + ": " + e.getMessage(), e);
                }
            }
            List<String> listed = Json.texts(affected.get("versions"));
            if (purl != null && !listed.isEmpty() && !affected.has("ranges")) {
                OsvRanges.listed(ecosystem, listed).ifPresent(v -> purls.add(new PurlCriterion(purl, v.toString())));
            }
        }
        String severity = Json.text(doc.path("database_specific"), "severity");
        return new ParsedAdvisory(
                FeedKind.OSV,
                "OSV:" + id,
                Json.truncate(Json.text(doc, "summary") != null ? Json.text(doc, "summary") : id, 1000),
                Json.text(doc, "details"),
                severity == null ? null : severity.toUpperCase(Locale.ROOT),
                List.copyOf(cves),
                new AffectedProducts(List.of(), purls, List.of()),
                source,
                Json.date(Json.text(doc, "published")),
                null);
    }

    /** The package's purl without version, from the record or built from ecosystem and name. */
    static String basePurl(String given, String ecosystem, String name) {
        try {
            if (given != null) {
                PackageURL p = new PackageURL(given);
                return new PackageURL(p.getType(), p.getNamespace(), p.getName(), null, null, null).canonicalize();
            }
            if (ecosystem == null || name == null) {
                return null;
            }
            String eco = ecosystem.contains(":") ? ecosystem.substring(0, ecosystem.indexOf(':')) : ecosystem;
            return switch (eco) {
                case "Maven" -> {
                    String[] ga = name.split(":", 2);
                    yield new PackageURL("maven", ga[0], ga.length > 1 ? ga[1] : ga[0], null, null, null)
                            .canonicalize();
                }
                case "npm" ->
                    name.startsWith("@") && name.contains("/")
                            ? new PackageURL(
                                            "npm",
                                            name.substring(0, name.indexOf('/')),
                                            name.substring(name.indexOf('/') + 1),
                                            null,
                                            null,
                                            null)
                                    .canonicalize()
                            : new PackageURL("npm", null, name, null, null, null).canonicalize();
                case "PyPI" -> new PackageURL("pypi", null, name, null, null, null).canonicalize();
                case "Go" ->
                    name.contains("/")
                            ? new PackageURL(
                                            "golang",
                                            name.substring(0, name.lastIndexOf('/')),
                                            name.substring(name.lastIndexOf('/') + 1),
                                            null,
                                            null,
                                            null)
                                    .canonicalize()
                            : new PackageURL("golang", null, name, null, null, null).canonicalize();
                case "crates.io" -> new PackageURL("cargo", null, name, null, null, null).canonicalize();
                case "NuGet" -> new PackageURL("nuget", null, name, null, null, null).canonicalize();
                case "RubyGems" -> new PackageURL("gem", null, name, null, null, null).canonicalize();
                case "Packagist" ->
                    name.contains("/")
                            ? new PackageURL(
                                            "composer",
                                            name.substring(0, name.indexOf('/')),
                                            name.substring(name.indexOf('/') + 1),
                                            null,
                                            null,
                                            null)
                                    .canonicalize()
                            : new PackageURL("composer", null, name, null, null, null).canonicalize();
                case "Debian" -> new PackageURL("deb", "debian", name, null, null, null).canonicalize();
                case "Ubuntu" -> new PackageURL("deb", "ubuntu", name, null, null, null).canonicalize();
                case "Alpine" -> new PackageURL("apk", "alpine", name, null, null, null).canonicalize();
                default -> null;
            };
        } catch (Exception e) {
            return null;
        }
    }
}
