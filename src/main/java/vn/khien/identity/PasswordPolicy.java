package vn.khien.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import vn.khien.platform.FieldProblemException;

/** Length over complexity (NIST SP 800-63B): at least 10 characters, not a well-known password. */
final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes: a longer password would be silently cut (and Spring refuses to hash it). */
    public static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = Set.of(
            "password",
            "password1",
            "1234567890",
            "qwertyuiop",
            "matkhau123",
            "admin12345",
            "changeme12",
            "khien12345",
            "123456789a",
            "abc1234567");

    private PasswordPolicy() {}

    public static void check(String field, String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new FieldProblemException(field, "validation.password.short", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new FieldProblemException(field, "validation.password.long", MAX_BYTES);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || (username != null && lower.contains(username.toLowerCase(Locale.ROOT)))) {
            throw new FieldProblemException(field, "validation.password.weak");
        }
    }
}
