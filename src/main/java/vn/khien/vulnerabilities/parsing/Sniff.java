package vn.khien.vulnerabilities.parsing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Peeks at the beginning of a stream without consuming it (mark/reset). */
public final class Sniff {
    /** How much of the head is inspected; enough for long XML preambles and CSV headers. */
    public static final int HEAD_BYTES = 64 * 1024;

    public enum Syntax {
        XML,
        JSON,
        CSV,
        EMPTY
    }

    private Sniff() {}

    public static BufferedInputStream buffered(InputStream in) {
        return in instanceof BufferedInputStream ? (BufferedInputStream) in : new BufferedInputStream(in, HEAD_BYTES);
    }

    /** Returns up to {@code max} bytes from the start, decoded as UTF-8 without a BOM; the stream is reset. */
    public static String head(BufferedInputStream in, int max) throws ReportFormatException {
        try {
            in.mark(max + 1);
            byte[] buf = new byte[max];
            int n = 0;
            while (n < max) {
                int r = in.read(buf, n, max - n);
                if (r < 0) break;
                n += r;
            }
            in.reset();
            String s = new String(buf, 0, n, StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (IOException e) {
            throw new ReportFormatException("Cannot read report: " + e.getMessage(), "start of file", e);
        }
    }

    public static Syntax syntax(String head) {
        String t = head.stripLeading();
        if (t.isEmpty()) return Syntax.EMPTY;
        char c = t.charAt(0);
        if (c == '<') return Syntax.XML;
        if (c == '{' || c == '[' || t.startsWith("null")) return Syntax.JSON;
        return Syntax.CSV;
    }

    public static Syntax syntax(BufferedInputStream in) throws ReportFormatException {
        return syntax(head(in, 4096));
    }
}
