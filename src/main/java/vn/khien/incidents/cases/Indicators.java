package vn.khien.incidents.cases;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates and normalises indicators of compromise; plain Java, no look-ups (no DNS). */
public final class Indicators {

    public enum Kind {
        IPV4,
        IPV6,
        CIDR,
        DOMAIN,
        URL,
        EMAIL,
        MD5,
        SHA1,
        SHA256
    }

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}");

    private Indicators() {}

    /** The normalised value, or empty when the value is not a valid indicator of that kind. */
    public static Optional<String> normalise(Kind kind, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.strip();
        if (v.isEmpty() || v.length() > 2048) {
            return Optional.empty();
        }
        // Defanged forms as analysts paste them: hxxp://, [.], (.)
        v = v.replace("[.]", ".").replace("(.)", ".").replace("[:]", ":");
        if (v.regionMatches(true, 0, "hxxp", 0, 4)) {
            v = "http" + v.substring(4);
        }
        return switch (kind) {
            case IPV4 -> IPV4.matcher(v).matches() ? Optional.of(v) : Optional.empty();
            case IPV6 -> ipv6(v);
            case CIDR -> cidr(v);
            case DOMAIN -> domain(v);
            case URL -> url(v);
            case EMAIL -> email(v);
            case MD5 -> hash(v, 32);
            case SHA1 -> hash(v, 40);
            case SHA256 -> hash(v, 64);
        };
    }

    private static Optional<String> ipv6(String v) {
        if (!v.contains(":") || !IPV6_CHARS.matcher(v).matches()) {
            return Optional.empty();
        }
        try {
            // A literal with ':' is parsed, never resolved.
            InetAddress a = InetAddress.getByName(v);
            if (a.getAddress().length != 16) {
                return Optional.empty();
            }
            return Optional.of(compress(a.getHostAddress()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String compress(String full) {
        // getHostAddress gives 0:0:0:0:0:0:0:1; write the longest zero run as :: (RFC 5952).
        String[] parts = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            }
        }
        if (bestStart < 0) {
            return full.toLowerCase(Locale.ROOT);
        }
        String head = String.join(":", Arrays.copyOfRange(parts, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
        return (head + "::" + tail).toLowerCase(Locale.ROOT);
    }

    private static Optional<String> cidr(String v) {
        int slash = v.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String ip = v.substring(0, slash);
        String bits = v.substring(slash + 1);
        if (!bits.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(bits);
        Optional<String> v4 = normalise(Kind.IPV4, ip);
        if (v4.isPresent()) {
            if (n > 32) {
                return Optional.empty();
            }
            String[] o = v4.get().split("\\.");
            long addr = 0;
            for (String s : o) {
                addr = (addr << 8) | Integer.parseInt(s);
            }
            long mask = n == 0 ? 0 : (0xFFFFFFFFL << (32 - n)) & 0xFFFFFFFFL;
            addr &= mask;
            return Optional.of(((addr >> 24) & 255) + "." + ((addr >> 16) & 255) + "." + ((addr >> 8) & 255) + "."
                    + (addr & 255) + "/" + n);
        }
        Optional<String> v6 = ipv6(ip);
        if (v6.isPresent() && n <= 128) {
            try {
                byte[] b = InetAddress.getByName(v6.get()).getAddress();
                for (int i = 0; i < 16; i++) {
                    int keep = Math.max(0, Math.min(8, n - i * 8));
                    b[i] = (byte) (b[i] & (0xFF << (8 - keep)));
                }
                return Optional.of(compress(InetAddress.getByAddress(b).getHostAddress()) + "/" + n);
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> domain(String v) {
        String d = v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (d.length() > 253 || !d.contains(".") || IPV4.matcher(d).matches()) {
            return Optional.empty();
        }
        for (String label : d.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(d);
    }

    private static Optional<String> url(String v) {
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            if (scheme == null
                    || !(scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp"))
                    || u.getHost() == null) {
                return Optional.empty();
            }
            String host = u.getHost();
            Optional<String> h = host.startsWith("[")
                    ? ipv6(host.substring(1, host.length() - 1)).map(x -> "[" + x + "]")
                    : normalise(Kind.IPV4, host).or(() -> domain(host));
            if (h.isEmpty()) {
                return Optional.empty();
            }
            int port = u.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return Optional.of(scheme + "://" + h.get() + (defaultPort ? "" : ":" + port) + path
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> email(String v) {
        int at = v.lastIndexOf('@');
        if (at <= 0 || at != v.indexOf('@')) {
            return Optional.empty();
        }
        String local = v.substring(0, at);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.empty();
        }
        return domain(v.substring(at + 1)).map(d -> local + "@" + d);
    }

    private static Optional<String> hash(String v, int length) {
        String h = v.toLowerCase(Locale.ROOT);
        return h.length() == length && HEX.matcher(h).matches() ? Optional.of(h) : Optional.empty();
    }
}
