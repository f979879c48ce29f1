package vn.khien.vulnerabilities.parsing;

import org.jspecify.annotations.Nullable;

/**
 * The report cannot be parsed: wrong format, truncated file, missing required field, unsafe
 * content (DTD entities, zip bomb). Checked so that callers decide how to show it to the user;
 * the message always names the problem and where it was found (line/column, element, CSV row,
 * JSON path).
 */
public class ReportFormatException extends Exception {
    private final @Nullable String where;

    public ReportFormatException(String message, @Nullable String where) {
        this(message, where, null);
    }

    public ReportFormatException(String message, @Nullable String where, @Nullable Throwable cause) {
        super(where == null ? message : message + " (at " + where + ")", cause);
        this.where = where;
    }

    /** Position description, e.g. "line 12, column 5, element <ReportItem>"; may be null. */
    public @Nullable String where() {
        return where;
    }
}
