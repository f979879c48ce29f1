package vn.khien.vulnerabilities.parsing;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a finding was observed: a network endpoint (host/port/protocol/path), a URL, or a
 * place in source code (filePath/line). Every component is nullable.
 *
 * @param host     host name or IP address
 * @param port     TCP/UDP port, {@code null} when the report gives none (port 0 is "none")
 * @param protocol URL scheme or transport protocol ("https", "tcp")
 * @param path     URL path without the leading slash
 * @param url      the URL exactly as the scanner reported it, when it reported one
 * @param filePath file or artifact path for code / container findings
 * @param line     1-based line number in {@code filePath}
 */
public record Location(
        @Nullable String host,
        @Nullable Integer port,
        @Nullable String protocol,
        @Nullable String path,
        @Nullable String url,
        @Nullable String filePath,
        @Nullable Integer line) {

    public static Location endpoint(@Nullable String host, @Nullable Integer port, @Nullable String protocol) {
        return new Location(
                blankToNull(host),
                port == null || port == 0 ? null : port,
                blankToNull(protocol),
                null,
                null,
                null,
                null);
    }

    public static Location file(@Nullable String filePath, @Nullable Integer line) {
        return new Location(null, null, null, null, null, blankToNull(filePath), line);
    }

    /**
     * Parses a URL leniently: scheme and port are optional ("foo.bar/path", "127.0.0.1:80");
     * query and fragment are dropped from {@code path} but kept in {@code url}.
     */
    public static @Nullable Location fromUrl(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        String protocol = null;
        int schemeEnd = s.indexOf("://");
        if (schemeEnd > 0) {
            protocol = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            s = s.substring(schemeEnd + 3);
        }
        int cut = indexOfAny(s, "/?#");
        String authority = cut < 0 ? s : s.substring(0, cut);
        String rest = cut < 0 ? "" : s.substring(cut);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1); // never keep credentials
        }
        String host = authority;
        Integer port = null;
        int colon = authority.lastIndexOf(':');
        if (colon > 0 && authority.indexOf(']') < colon) {
            host = authority.substring(0, colon);
            port = parsePort(authority.substring(colon + 1));
        }
        if (port == null && protocol != null) {
            port = defaultPort(protocol);
        }
        String path = rest;
        int q = indexOfAny(path, "?#");
        if (q >= 0) {
            path = path.substring(0, q);
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return new Location(blankToNull(host), port, protocol, blankToNull(path), raw.trim(), null, null);
    }

    /**
     * Renders the location as a URL from its components ("tcp://192.0.2.1:512",
     * "http://example.org/a?x=1"): default ports and a bare trailing slash are omitted, the
     * query of the reported URL is kept.
     */
    public String toUrl() {
        StringBuilder b = new StringBuilder();
        if (protocol != null) b.append(protocol).append("://");
        if (host != null) b.append(host);
        if (port != null && !port.equals(defaultPort(protocol))) b.append(':').append(port);
        if (path != null) b.append('/').append(path);
        if (url != null) {
            int q = url.indexOf('?');
            if (q >= 0) {
                int hash = url.indexOf('#', q);
                b.append(hash >= 0 ? url.substring(q, hash) : url.substring(q));
            }
        }
        return b.toString();
    }

    /**
     * Decodes percent-escapes of characters that never need escaping in a path or query value
     * (RFC 3986 unreserved characters plus ':', '@', ',', '=' and '/'), so that the same URL
     * written with different escaping compares equal. Separators such as '&', '+', ';', '?', '#'
     * stay encoded because decoding them would change the meaning.
     */
    public static @Nullable String normalizeEscapes(@Nullable String url) {
        if (url == null || url.indexOf('%') < 0) return url;
        StringBuilder b = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '%' && i + 2 < url.length()) {
                int v = hex(url.charAt(i + 1)) * 16 + hex(url.charAt(i + 2));
                if (v >= 0 && v < 128 && isSafe((char) v)) {
                    b.append((char) v);
                    i += 2;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean isSafe(char c) {
        return Character.isLetterOrDigit(c) || "-._~:@,=/".indexOf(c) >= 0;
    }

    private static int hex(char c) {
        int d = Character.digit(c, 16);
        return d < 0 ? -1000 : d;
    }

    /** Identity used in fingerprints: stable parts only (no line numbers, no query strings). */
    /** The place as the fingerprint of a single-place finding names it (no line, no query string). */
    public String identity() {
        if (filePath != null) {
            return "file:" + filePath;
        }
        return (protocol == null ? "" : protocol) + "://" + (host == null ? "" : host.toLowerCase(Locale.ROOT)) + ":"
                + (port == null ? "" : port) + "/" + (path == null ? "" : path);
    }

    static @Nullable Integer defaultPort(@Nullable String protocol) {
        if (protocol == null) return null;
        switch (protocol) {
            case "http":
                return 80;
            case "https":
                return 443;
            case "ftp":
                return 21;
            case "ssh":
                return 22;
            default:
                return null;
        }
    }

    private static @Nullable Integer parsePort(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            return p > 0 && p < 65536 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
