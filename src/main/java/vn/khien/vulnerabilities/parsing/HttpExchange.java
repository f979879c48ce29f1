package vn.khien.vulnerabilities.parsing;

import org.jspecify.annotations.Nullable;

/**
 * Request/response evidence attached to a dynamic finding. Each side is truncated to
 * {@link #MAX_CHARS} so that a huge response body in a report cannot blow up memory when
 * many occurrences are merged into one finding.
 */
public record HttpExchange(
        @Nullable String request, @Nullable String response) {
    public static final int MAX_CHARS = 16 * 1024;

    public HttpExchange {
        request = truncate(request);
        response = truncate(response);
    }

    private static @Nullable String truncate(@Nullable String s) {
        return s == null || s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS);
    }
}
