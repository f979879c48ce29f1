package vn.khien.warnings.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * PEP 440 version ordering (epoch, release, pre-release a/b/rc, post-release, dev-release; local versions compared
 * last). Hand-written because versatile 0.13.1 orders pre-releases after the release (docs/adr/0016).
 */
final class Pep440 {

    private static final Pattern VERSION = Pattern.compile("v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)"
            + "(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\\d*))?"
            + "(?:(?:-(\\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\\d*)))?"
            + "(?:[-_.]?(dev)[-_.]?(\\d*))?"
            + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

    private Pep440() {}

    public static int compare(String a, String b) {
        Key x = key(a);
        Key y = key(b);
        return x.compareTo(y);
    }

    private record Key(
            long epoch,
            List<Long> release,
            int preKind,
            long pre,
            long post,
            long dev,
            String local,
            @Nullable String raw)
            implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            if (raw != null || o.raw != null) {
                return String.valueOf(raw).compareTo(String.valueOf(o.raw));
            }
            int c = Long.compare(epoch, o.epoch);
            if (c != 0) {
                return c;
            }
            int n = Math.max(release.size(), o.release.size());
            for (int i = 0; i < n; i++) {
                long p = i < release.size() ? release.get(i) : 0;
                long q = i < o.release.size() ? o.release.get(i) : 0;
                if (p != q) {
                    return Long.compare(p, q);
                }
            }
            c = Integer.compare(preKind, o.preKind);
            if (c != 0) {
                return c;
            }
            c = Long.compare(pre, o.pre);
            if (c != 0) {
                return c;
            }
            c = Long.compare(post, o.post);
            if (c != 0) {
                return c;
            }
            c = Long.compare(dev, o.dev);
            if (c != 0) {
                return c;
            }
            return local.compareTo(o.local);
        }
    }

    private static Key key(String version) {
        String v = version.trim().toLowerCase(Locale.ROOT);
        Matcher m = VERSION.matcher(v);
        if (!m.matches()) {
            return new Key(0, List.of(), 0, 0, 0, 0, "", v);
        }
        long epoch = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        List<Long> release = new ArrayList<>();
        for (String part : m.group(2).split("\\.")) {
            release.add(Long.parseLong(part));
        }
        // pre-release kinds: dev-only release < a < b < rc < final (no pre) ; encoded so that "no pre" sorts last
        int preKind;
        long pre = 0;
        String p = m.group(3);
        boolean hasPost = m.group(5) != null || m.group(6) != null;
        boolean hasDev = m.group(8) != null;
        if (p != null) {
            preKind = switch (p) {
                case "a", "alpha" -> 1;
                case "b", "beta" -> 2;
                default -> 3;
            };
            pre = m.group(4).isEmpty() ? 0 : Long.parseLong(m.group(4));
        } else if (hasDev && !hasPost) {
            preKind = 0; // 1.0.dev1 sorts before 1.0a1
        } else {
            preKind = 4;
        }
        long post = -1;
        if (m.group(5) != null) {
            post = Long.parseLong(m.group(5));
        } else if (m.group(6) != null) {
            post = m.group(7).isEmpty() ? 0 : Long.parseLong(m.group(7));
        }
        long dev = hasDev ? (m.group(9).isEmpty() ? 0 : Long.parseLong(m.group(9))) : Long.MAX_VALUE;
        String local = m.group(10) == null ? "" : m.group(10);
        return new Key(epoch, release, preKind, pre, post, dev, local, null);
    }
}
