package vn.khien.warnings.matching;

import io.github.nscuro.versatile.Comparator;
import io.github.nscuro.versatile.Constraint;
import io.github.nscuro.versatile.Vers;
import io.github.nscuro.versatile.VersException;
import io.github.nscuro.versatile.VersionFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Version ranges in the purl spec's {@code vers} notation, evaluated with each ecosystem's ordering.
 *
 * <p>Parsing and the orderings come from versatile (Maven, npm, Debian, RPM, Go, NuGet, generic). PyPI is the one
 * scheme evaluated here by hand: versatile 0.13.1 orders {@code 3.8.5rc1} after {@code 3.8.5}, against PEP 440
 * (docs/adr/0016); {@link Pep440} gives the ordering and the range walk follows the vers specification.
 */
final class Versions {

    private Versions() {}

    /** Parses and validates a vers string; {@link IllegalArgumentException} naming the problem when it is not one. */
    public static Vers parse(String vers) {
        try {
            return Vers.parse(vers).validate();
        } catch (VersException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid vers range: " + vers + " (" + e.getMessage() + ")", e);
        }
    }

    /** True when {@code version} lies in {@code range}. */
    public static boolean contains(Vers range, String version) {
        if (version == null || version.isBlank()) {
            return false;
        }
        if ("pypi".equals(range.scheme())) {
            return containsPep440(range, version);
        }
        try {
            return range.contains(version);
        } catch (RuntimeException e) {
            return false; // a version the scheme cannot read is not claimed affected
        }
    }

    /** Compares two versions in one scheme (vers scheme names: maven, npm, pypi, deb, generic …). */
    public static int compare(String scheme, String a, String b) {
        if ("pypi".equals(scheme)) {
            return Pep440.compare(a, b);
        }
        return VersionFactory.forScheme(scheme, a).compareTo(VersionFactory.forScheme(scheme, b));
    }

    /** The vers containment algorithm (vers spec, "Checking if a version is contained within a range"). */
    private static boolean containsPep440(Vers range, String version) {
        if (range.isWildcard()) {
            return true;
        }
        List<Constraint> ranged = new ArrayList<>();
        for (Constraint c : range.constraints()) {
            int cmp = Pep440.compare(version, c.version().toString());
            if (c.comparator() == Comparator.EQUAL) {
                if (cmp == 0) {
                    return true;
                }
            } else if (c.comparator() == Comparator.NOT_EQUAL) {
                if (cmp == 0) {
                    return false;
                }
            } else {
                ranged.add(c);
            }
        }
        if (ranged.isEmpty()) {
            return false;
        }
        ranged.sort((x, y) -> Pep440.compare(x.version().toString(), y.version().toString()));
        if (ranged.size() == 1) {
            return satisfies(ranged.get(0), version);
        }
        for (int i = 0; i + 1 < ranged.size(); i++) {
            Constraint current = ranged.get(i);
            Constraint next = ranged.get(i + 1);
            if (i == 0 && isUpper(current) && satisfies(current, version)) {
                return true;
            }
            if (!isUpper(current) && isUpper(next) && satisfies(current, version) && satisfies(next, version)) {
                return true;
            }
            if (i + 2 == ranged.size() && !isUpper(next) && satisfies(next, version)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUpper(Constraint c) {
        return c.comparator() == Comparator.LESS_THAN || c.comparator() == Comparator.LESS_THAN_OR_EQUAL;
    }

    private static boolean satisfies(Constraint c, String version) {
        int cmp = Pep440.compare(version, c.version().toString());
        return switch (c.comparator()) {
            case LESS_THAN -> cmp < 0;
            case LESS_THAN_OR_EQUAL -> cmp <= 0;
            case GREATER_THAN -> cmp > 0;
            case GREATER_THAN_OR_EQUAL -> cmp >= 0;
            default -> false;
        };
    }
}
