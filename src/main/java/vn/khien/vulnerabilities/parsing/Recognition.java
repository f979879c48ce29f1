package vn.khien.vulnerabilities.parsing;

import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * How a parser recognises its files from their {@link ReportHead}: the syntax it reads and a test over the head.
 * Declared by each parser ({@link ReportParser#recognition()}), so that {@link FormatDetector} holds no list of
 * formats. A <em>fallback</em> recognition (the generic format) is asked only when no specific one matched.
 *
 * @param syntax the syntax of the format's files
 * @param test whether a head of that syntax is one of the format's files
 * @param fallback whether it is asked only after every specific recognition declined
 */
public record Recognition(Sniff.@Nullable Syntax syntax, Predicate<ReportHead> test, boolean fallback) {

    /** An XML format recognised by the local name of its root element (any of {@code roots}). */
    public static Recognition xmlRoot(String... roots) {
        Set<String> names = Set.of(roots);
        return new Recognition(Sniff.Syntax.XML, h -> h.xmlRoot() != null && names.contains(h.xmlRoot()), false);
    }

    /** A JSON format recognised by its top-level keys (and array root, and head text). */
    public static Recognition json(Predicate<ReportHead> test) {
        return new Recognition(Sniff.Syntax.JSON, test, false);
    }

    /** A CSV format recognised by its header columns. */
    public static Recognition csv(Predicate<ReportHead> test) {
        return new Recognition(Sniff.Syntax.CSV, test, false);
    }

    /** The same recognition, asked only when no specific recognition of its syntax matched. */
    public Recognition asFallback() {
        return new Recognition(syntax, test, true);
    }

    /** Both recognitions in one: a format that is written as XML, JSON or CSV alike. */
    public Recognition or(Recognition other) {
        if (other.syntax == syntax) {
            return new Recognition(syntax, test.or(other.test), fallback && other.fallback);
        }
        return new Recognition(null, h -> matches(h) || other.matches(h), fallback && other.fallback);
    }

    /** Whether the head is one of this format's files. */
    public boolean matches(ReportHead head) {
        return (syntax == null || syntax == head.syntax()) && test.test(head);
    }
}
