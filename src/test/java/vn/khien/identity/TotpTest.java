package vn.khien.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** RFC 6238 appendix B, SHA-1 key "12345678901234567890": 94287082 at T=59 (last 6 digits). */
    private static final String RFC_KEY =
            new Base32().encodeToString("12345678901234567890".getBytes()).replace("=", "");

    @Test
    void matchesTheRfc6238TestVectors() {
        assertThat(Totp.code(RFC_KEY, 59)).isEqualTo("287082");
        assertThat(Totp.code(RFC_KEY, 1111111109)).isEqualTo("081804");
        assertThat(Totp.code(RFC_KEY, 2000000000)).isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfClockDriftAndNoMore() {
        String code = Totp.code(RFC_KEY, 1_000_000);
        assertThat(Totp.verify(RFC_KEY, code, 1_000_000 + 30)).isTrue();
        assertThat(Totp.verify(RFC_KEY, code, 1_000_000 - 30)).isTrue();
        assertThat(Totp.verify(RFC_KEY, code, 1_000_000 + 95)).isFalse();
        assertThat(Totp.verify(RFC_KEY, "abc123", 1_000_000)).isFalse();
        assertThat(Totp.verify(RFC_KEY, null, 1_000_000)).isFalse();
    }

    @Test
    void enrolmentUriCarriesIssuerAndSecret() {
        String uri = Totp.otpauthUri("Khiên", "an.nguyen", "ABC");
        assertThat(uri).startsWith("otpauth://totp/").contains("secret=ABC").contains("issuer=Khi%C3%AAn");
    }
}
