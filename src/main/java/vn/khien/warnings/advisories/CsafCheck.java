package vn.khien.warnings.advisories;

import java.io.Serializable;

/**
 * One CSAF 2.0 test that a document failed and that did not refuse it (ADR 0062): a mandatory test that does not
 * change the match (§6.1, ADR 0056), an optional test (§6.2, "a program MUST handle a test failure as a warning") or
 * an informative test (§6.3, "as an information"). {@code test} is the section number, {@code pointer} the JSON
 * pointer of the failing value ("" for the root) and {@code message} the English detail; the Vietnamese and English
 * title of the test is the message {@link #titleKey()}.
 */
public record CsafCheck(String test, Level level, String pointer, String message) implements Serializable {

    /** How a failure counts: §6.1 (accepted, not refusing), §6.2 warning, §6.3 information. */
    public enum Level {
        MANDATORY,
        OPTIONAL,
        INFORMATIVE;

        static Level of(String test) {
            return test.startsWith("6.1.") ? MANDATORY : test.startsWith("6.2.") ? OPTIONAL : INFORMATIVE;
        }
    }

    /** The message key naming the test (in Vietnamese, with the English bundle). */
    public String titleKey() {
        return "warnings.csaf." + test;
    }

    /** The message key naming the level. */
    public String levelKey() {
        return "warnings.csaf.level." + level.name();
    }

    /** The pointer as shown ("/" for the whole document). */
    public String place() {
        return pointer.isEmpty() ? "/" : pointer;
    }
}
