package vn.khien.vulnerabilities.parsing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/** Streaming CSV access with header lookup by (case-insensitive) column name and row-located errors. */
public final class CsvReports {

    /** Receives one data row at a time. */
    @FunctionalInterface
    public interface RowHandler {
        void row(Row row) throws ReportFormatException;
    }

    /** One CSV record with lenient header lookup. */
    public static final class Row {
        private final CSVRecord record;
        private final Map<String, Integer> columns;

        Row(CSVRecord record, Map<String, Integer> columns) {
            this.record = record;
            this.columns = columns;
        }

        public boolean has(String column) {
            return columns.containsKey(column.toLowerCase(Locale.ROOT));
        }

        /** Trimmed cell value, null when the column is absent or the cell blank. */
        public @Nullable String get(String column) {
            Integer i = columns.get(column.toLowerCase(Locale.ROOT));
            if (i == null || i >= record.size()) return null;
            String v = record.get(i);
            return v == null || v.isBlank() ? null : v.trim();
        }

        /** First non-blank value among synonyms. */
        public @Nullable String first(String... cols) {
            for (String c : cols) {
                String v = get(c);
                if (v != null) return v;
            }
            return null;
        }

        public long rowNumber() {
            return record.getRecordNumber();
        }

        public String where() {
            return "CSV row " + (record.getRecordNumber() + 1) + " (line " + record.getCharacterPosition()
                    + " chars in)";
        }

        public ReportFormatException error(String message) {
            return new ReportFormatException(message, "CSV row " + (record.getRecordNumber() + 1));
        }
    }

    private CsvReports() {}

    /**
     * Reads the header (delimiter ';' when the header line contains one, else ','), then streams
     * every data row to {@code handler}. {@code requiredAnyOf} lists columns of which at least one
     * must exist, otherwise the file is rejected as the wrong format.
     */
    public static void read(InputStream in, String formatName, String[] requiredAnyOf, RowHandler handler)
            throws ReportFormatException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        try {
            reader.mark(64 * 1024);
            char[] buf = new char[64 * 1024];
            int n = reader.read(buf);
            reader.reset();
            String head = n <= 0 ? "" : new String(buf, 0, n);
            int nl = head.indexOf('\n');
            String headerLine = nl >= 0 ? head.substring(0, nl) : head;
            if (headerLine.isBlank()) {
                throw new ReportFormatException("Empty " + formatName + " CSV: no header line", "line 1");
            }
            char delimiter = headerLine.indexOf(';') >= 0 ? ';' : ',';
            CSVFormat fmt = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setAllowMissingColumnNames(true)
                    .setIgnoreEmptyLines(true)
                    .setAllowDuplicateHeaderNames(true)
                    .setTrim(false)
                    .get();
            try (CSVParser parser =
                    CSVParser.builder().setReader(reader).setFormat(fmt).get()) {
                Map<String, Integer> columns = new HashMap<>();
                List<String> names = parser.getHeaderNames();
                for (int i = 0; i < names.size(); i++) {
                    String key = names.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
                    columns.putIfAbsent(key, i); // first occurrence wins for duplicated names
                }
                boolean ok = requiredAnyOf.length == 0;
                for (String r : requiredAnyOf) {
                    ok |= columns.containsKey(r.toLowerCase(Locale.ROOT));
                }
                if (!ok) {
                    throw new ReportFormatException(
                            "Not a " + formatName + " CSV: header has none of the columns "
                                    + String.join(", ", requiredAnyOf),
                            "CSV header (line 1)");
                }
                Iterator<CSVRecord> it = parser.iterator();
                while (true) {
                    CSVRecord rec;
                    try {
                        if (!it.hasNext()) break;
                        rec = it.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw new ReportFormatException(
                                "Malformed CSV: " + rootMessage(e), "CSV line " + parser.getCurrentLineNumber(), e);
                    }
                    handler.row(new Row(rec, columns));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ReportFormatException("Cannot read CSV: " + rootMessage(e), null, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
