package vn.khien.vulnerabilities.findings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.khien.platform.FieldProblemException;
import vn.khien.vulnerabilities.parsing.Severity;

/**
 * Filters of a findings list; null means "any". Either a system or an organisation subtree (or neither). A page is
 * read after a {@link Cursor} (keyset: the sort key and id of the last row shown, issue 15) when {@code after} is
 * given, or as the rows just before one ({@code before}: the first row shown, for "previous"); {@code page} alone
 * still reads by offset (older clients) and otherwise only numbers the page shown.
 */
record FindingQuery(
        @Nullable Long systemId,
        @Nullable Long organizationId,
        @Nullable FindingStatus status,
        @Nullable Severity severity,
        @Nullable String cve,
        @Nullable String host,
        boolean overdueOnly,
        int page,
        int size,
        @Nullable Cursor after,
        @Nullable Cursor before) {

    public static final int MAX_SIZE = 500;

    public FindingQuery {
        if (after != null && before != null) {
            throw new FieldProblemException("before", "findings.cursor.both");
        }
        page = Math.max(0, page);
        size = size <= 0 ? 50 : Math.min(size, MAX_SIZE);
        cve = cve == null || cve.isBlank() ? null : cve.trim().toUpperCase(Locale.ROOT);
        host = host == null || host.isBlank() ? null : host.trim().toLowerCase(Locale.ROOT);
    }

    FindingQuery(
            @Nullable Long systemId,
            @Nullable Long organizationId,
            @Nullable FindingStatus status,
            @Nullable Severity severity,
            @Nullable String cve,
            @Nullable String host,
            boolean overdueOnly,
            int page,
            int size) {
        this(systemId, organizationId, status, severity, cve, host, overdueOnly, page, size, null, null);
    }

    public FindingQuery page(int newPage) {
        return new FindingQuery(
                systemId, organizationId, status, severity, cve, host, overdueOnly, newPage, size, null, null);
    }

    /**
     * Where a page starts: the list's sort key ({@code severity_rank}, {@code due_date} with no date last, {@code id})
     * of the last row of the page before. Written {@code rank.yyyy-mm-dd.id} ({@code rank..id} without a due date).
     */
    record Cursor(int severityRank, @Nullable LocalDate dueDate, long id) {

        private static final Pattern FORM = Pattern.compile("(\\d{1,4})\\.(\\d{4}-\\d{2}-\\d{2})?\\.(\\d{1,18})");

        /** The cursor a client sent in {@code after}; null when absent; a problem naming the field when malformed. */
        static @Nullable Cursor parse(@Nullable String text) {
            return parse("after", text);
        }

        /** The cursor a client sent in the parameter {@code field}; null when absent; a problem naming it if malformed. */
        static @Nullable Cursor parse(String field, @Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            Matcher m = FORM.matcher(text.trim());
            if (!m.matches()) {
                throw new FieldProblemException(field, "validation.invalid");
            }
            try {
                return new Cursor(
                        Integer.parseInt(m.group(1)),
                        m.group(2) == null ? null : LocalDate.parse(m.group(2)),
                        Long.parseLong(m.group(3)));
            } catch (DateTimeParseException e) {
                throw new FieldProblemException(field, "validation.invalid");
            }
        }

        @Override
        public String toString() {
            return severityRank + "." + (dueDate == null ? "" : dueDate.toString()) + "." + id;
        }
    }
}
