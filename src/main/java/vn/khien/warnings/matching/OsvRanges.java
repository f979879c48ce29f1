package vn.khien.warnings.matching;

import io.github.nscuro.versatile.Vers;
import io.github.nscuro.versatile.VersUtils;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OSV {@code ranges[]} to {@code vers}. versatile converts the events; the checks it does not make are done here:
 * a range must open with an {@code introduced} event (OSV schema), otherwise a lone {@code fixed} would read as
 * "every earlier version", which the advisory never said.
 */
public final class OsvRanges {

    private OsvRanges() {}

    /** vers scheme for an OSV ecosystem ("Maven", "npm", "PyPI", "Debian:11" …), if versatile knows one. */
    public static Optional<String> scheme(String ecosystem) {
        return VersUtils.schemeFromOsvEcosystem(ecosystem);
    }

    /**
     * @param type   ECOSYSTEM or SEMVER (GIT ranges carry commits, not versions, and are rejected)
     * @param events the events in file order, as (introduced|fixed|last_affected|limit, version)
     */
    public static Vers toVers(String type, String ecosystem, List<Map.Entry<String, String>> events) {
        if (!"ECOSYSTEM".equals(type) && !"SEMVER".equals(type)) {
            throw new IllegalArgumentException("range type " + type + " is not a version range");
        }
        if (events.isEmpty() || events.stream().noneMatch(e -> "introduced".equals(e.getKey()))) {
            throw new IllegalArgumentException("range without an \"introduced\" event");
        }
        try {
            return VersUtils.versFromOsvRange(type, ecosystem, events, Map.of());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("range not readable: " + e.getMessage(), e);
        }
    }

    /** Explicitly listed versions as one vers ({@code vers:maven/1.0|1.1}). */
    public static Optional<Vers> listed(String ecosystem, List<String> versions) {
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        String scheme = scheme(ecosystem).orElse("generic");
        return Optional.of(Vers.parse("vers:" + scheme + "/"
                + String.join("|", versions.stream().map(OsvRanges::escape).toList())));
    }

    private static String escape(String v) {
        return v.replace("%", "%25").replace("|", "%7C").replace(":", "%3A");
    }
}
