package vn.khien.identity;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30 s), the variant every
 * authenticator app understands. Small enough to own rather than depend on an unmaintained library
 * (docs/adr/0004).
 */
final class Totp {
    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;
    /** Accept the previous and next step too: phone clocks drift. */
    static final int WINDOW = 1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    public static String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    public static String code(String base32Secret, long epochSeconds) {
        return codeAt(new Base32().decode(base32Secret), epochSeconds / STEP_SECONDS);
    }

    public static boolean verify(String base32Secret, String code, long epochSeconds) {
        if (code == null || !code.trim().matches("\\d{" + DIGITS + "}")) {
            return false;
        }
        byte[] key = new Base32().decode(base32Secret);
        long counter = epochSeconds / STEP_SECONDS;
        for (int i = -WINDOW; i <= WINDOW; i++) {
            if (MessageDigest.isEqual(
                    codeAt(key, counter + i).getBytes(), code.trim().getBytes())) {
                return true;
            }
        }
        return false;
    }

    static String codeAt(byte[] key, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24)
                    | ((h[offset + 1] & 0xff) << 16)
                    | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String otpauthUri(String issuer, String account, String secret) {
        String label = URLEncoder.encode(issuer + ":" + account, StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20")
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }
}
