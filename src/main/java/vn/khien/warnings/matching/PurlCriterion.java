package vn.khien.warnings.matching;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.github.nscuro.versatile.Vers;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A package URL (type, namespace and name compared after the purl spec's per-type normalisation) with either a
 * {@code vers} range or the purl's own version as the one affected version. With neither, every version is
 * affected. Qualifiers and subpath are not compared: they identify a build (arch, repository), not the package.
 */
public record PurlCriterion(String purl, @Nullable String vers) implements Criterion {

    public PurlCriterion {
        PackageURL p = parse(purl);
        purl = p.canonicalize();
        if (vers != null && vers.isBlank()) {
            vers = null;
        }
        if (vers != null) {
            Vers v = Versions.parse(vers.trim());
            vers = v.toString();
        }
    }

    public static PackageURL parse(String purl) {
        try {
            return new PackageURL(purl.trim());
        } catch (MalformedPackageURLException | RuntimeException e) {
            throw new IllegalArgumentException("not a package URL: " + purl, e);
        }
    }

    /** Criteria are few and compared with many components: each purl and range is parsed once (ADR 0014). */
    private static final Map<String, Object> PARSED = new ConcurrentHashMap<>();

    private static PackageURL parsedSource(String purl) {
        return (PackageURL) PARSED.computeIfAbsent(cacheKey("p:" + purl), k -> parse(purl));
    }

    private static Vers parsedVers(String vers) {
        return (Vers) PARSED.computeIfAbsent(cacheKey("v:" + vers), k -> Vers.parse(vers));
    }

    private static String cacheKey(String key) {
        if (PARSED.size() > 50_000) {
            PARSED.clear();
        }
        return key;
    }

    @Override
    public String candidateKey() {
        PackageURL p = parse(purl);
        return "pkg:" + p.getType() + "/" + (p.getNamespace() == null ? "" : p.getNamespace() + "/") + p.getName();
    }

    @Override
    public Optional<String> match(Component component) {
        if (component.purl() == null || component.purl().isBlank()) {
            return Optional.empty();
        }
        PackageURL source = parsedSource(purl);
        String name = source.getName().toLowerCase(Locale.ROOT);
        if (name.matches("[a-z0-9._-]+")) {
            String lower = component.purl().toLowerCase(Locale.ROOT);
            if (!lower.contains(name)
                    && !lower.contains(name.replace('-', '_'))
                    && !lower.contains(name.replace('_', '-'))) {
                return Optional.empty(); // another package: no need to parse the item (ADR 0014)
            }
        }
        PackageURL target = component.parsedPurl();
        if (target == null) {
            return Optional.empty();
        }
        if (!source.getType().equals(target.getType())
                || !Objects.equals(source.getNamespace(), target.getNamespace())
                || !source.getName().equals(target.getName())) {
            return Optional.empty();
        }
        String version = target.getVersion() != null ? target.getVersion() : component.version();
        if (vers != null) {
            if (!Versions.contains(parsedVers(vers), version)) {
                return Optional.empty();
            }
            return Optional.of(candidateKey() + " " + vers + " ∋ " + version);
        }
        if (source.getVersion() != null) {
            if (version == null || !source.getVersion().equals(version)) {
                return Optional.empty();
            }
            return Optional.of(candidateKey() + "@" + version);
        }
        return Optional.of(candidateKey() + " (mọi phiên bản)");
    }
}
