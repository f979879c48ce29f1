package vn.khien.platform.attention;

import java.util.Arrays;
import java.util.Objects;

/**
 * One line of "what needs my attention". The text is always a message key with its arguments, so the line reads in
 * the visitor's language; an argument may itself be a {@code MessageSourceResolvable} (a severity label, say),
 * which the message source resolves in the same locale.
 *
 * @param link     where the person acts on it, an application path such as {@code /dossiers/42}; may be null
 * @param severity orders the home page: the most urgent lines first
 */
public record AttentionItem(String messageKey, Object[] args, String link, Severity severity) {

    /** How urgent a line is; declared most urgent first, so the natural order sorts the list. */
    public enum Severity {
        /** Late against a legal or agreed time limit, or exposed to a critical risk. */
        CRITICAL,
        /** Due soon, or waiting for this person's action. */
        WARNING,
        /** Worth knowing, nothing late yet. */
        INFO
    }

    public AttentionItem {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(severity, "severity");
        args = args == null ? new Object[0] : args.clone();
    }

    public static AttentionItem of(Severity severity, String messageKey, String link, Object... args) {
        return new AttentionItem(messageKey, args, link, severity);
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttentionItem other
                && messageKey.equals(other.messageKey)
                && Arrays.equals(args, other.args)
                && Objects.equals(link, other.link)
                && severity == other.severity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageKey, Arrays.hashCode(args), link, severity);
    }

    @Override
    public String toString() {
        return severity + " " + messageKey + Arrays.toString(args) + " -> " + link;
    }
}
