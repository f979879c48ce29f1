package vn.khien.vulnerabilities.parsing;

/**
 * Request/response evidence attached to a dynamic finding. Each side is truncated to
 * {@link #MAX_CHARS} so that a huge response body in a report cannot blow up memory when
 * many occurrences are merged into one finding.
 */
public record HttpExchange(String request, String response) {
    public static final int MAX_CHARS = 16 * 1024;

    public HttpExchange {
        request = truncate(request);
        response = truncate(response);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS);
    }
}
