package vn.khien.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * Text that may be stored in a text column: PostgreSQL refuses U+0000 in {@code text}/{@code varchar}, and control
 * characters in messages (copied from uploaded bytes, exception texts) make logs and pages unreadable. Used for text the
 * system composes itself (error reasons); text users type is refused instead (see {@code TextInputs}).
 */
public final class SafeText {

    private SafeText() {}

    /** True for characters refused in a one-line text field: C0 controls, DEL, C1 controls, unpaired surrogates. */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /** The first refused character of a one-line field ({@code multiLine}: tab, CR, LF allowed), or -1. */
    public static int firstRefused(String s, boolean multiLine) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (isControl(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * For storage: control characters (NUL included) become a visible U+FFFD, unpaired surrogates too, and the text is
     * cut to {@code max} characters (with an ellipsis). Never null for a non-null input.
     */
    @Contract("null, _ -> null; !null, _ -> !null")
    public static @Nullable String forStorage(@Nullable String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max + 1));
        int i = 0;
        for (; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                b.append(c);
            } else if (isControl(c)) {
                b.append('\uFFFD');
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (b.length() + 2 > max) {
                    break;
                }
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        if (i < s.length()) {
            b.setLength(Math.max(0, max - 1));
            b.append('…');
        }
        return b.toString();
    }
}
