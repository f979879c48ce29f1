package vn.khien.warnings.matching;

import com.github.packageurl.PackageURL;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeParser;

/**
 * What the matcher knows of one inventory item: its id, system, CPE 2.3 name and purl as registered, and the
 * version typed next to them (used when the CPE's version is ANY). The CPE and purl are parsed once, on first use,
 * and kept: matching compares one component with many criteria (ADR 0014).
 */
public final class Component {

    private static final Object INVALID = new Object();

    private final long id;
    private final long systemId;
    private final String cpe;
    private final String purl;
    private final String version;
    private @Nullable Object parsedCpe;
    private @Nullable Object parsedPurl;

    public Component(long id, long systemId, String cpe, String purl, String version) {
        this.id = id;
        this.systemId = systemId;
        this.cpe = cpe;
        this.purl = purl;
        this.version = version;
    }

    public long id() {
        return id;
    }

    public long systemId() {
        return systemId;
    }

    public String cpe() {
        return cpe;
    }

    public String purl() {
        return purl;
    }

    public String version() {
        return version;
    }

    /** The parsed CPE name, or null when there is none or it is not a valid CPE. */
    @Nullable
    Cpe parsedCpe() {
        Object p = parsedCpe;
        if (p == null) {
            try {
                p = cpe == null || cpe.isBlank() ? INVALID : CpeParser.parse(cpe.trim(), true);
            } catch (Exception e) {
                p = INVALID;
            }
            parsedCpe = p;
        }
        return p == INVALID ? null : (Cpe) p;
    }

    /** The parsed package URL, or null when there is none or it is not a valid purl. */
    @Nullable
    PackageURL parsedPurl() {
        Object p = parsedPurl;
        if (p == null) {
            try {
                p = purl == null || purl.isBlank() ? INVALID : new PackageURL(purl.trim());
            } catch (Exception e) {
                p = INVALID;
            }
            parsedPurl = p;
        }
        return p == INVALID ? null : (PackageURL) p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Component c
                && c.id == id
                && c.systemId == systemId
                && Objects.equals(c.cpe, cpe)
                && Objects.equals(c.purl, purl)
                && Objects.equals(c.version, version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, systemId, cpe, purl, version);
    }

    @Override
    public String toString() {
        return "Component[id=" + id + ", systemId=" + systemId + ", cpe=" + cpe + ", purl=" + purl + ", version="
                + version + "]";
    }
}
