package vn.khien.warnings.matching;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.github.nscuro.versatile.Vers;
import java.util.Objects;
import java.util.Optional;

/**
 * A package URL (type, namespace and name compared after the purl spec's per-type normalisation) with either a
 * {@code vers} range or the purl's own version as the one affected version. With neither, every version is
 * affected. Qualifiers and subpath are not compared: they identify a build (arch, repository), not the package.
 */
public record PurlCriterion(String purl, String vers) implements Criterion {

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
        PackageURL source = parse(purl);
        PackageURL target;
        try {
            target = new PackageURL(component.purl().trim());
        } catch (MalformedPackageURLException | RuntimeException e) {
            return Optional.empty();
        }
        if (!source.getType().equals(target.getType())
                || !Objects.equals(source.getNamespace(), target.getNamespace())
                || !source.getName().equals(target.getName())) {
            return Optional.empty();
        }
        String version = target.getVersion() != null ? target.getVersion() : component.version();
        if (vers != null) {
            if (!Versions.contains(Vers.parse(vers), version)) {
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
