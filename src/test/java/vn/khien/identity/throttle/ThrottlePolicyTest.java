package vn.khien.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    @Test
    void delaysDoubleAfterTheFreeFailuresUpToTheCeiling() {
        LoginThrottle.Policy p = LoginThrottle.Policy.parse("4, PT30S, PT15M");
        assertThat(p.delayAfter(1)).isZero();
        assertThat(p.delayAfter(4)).isZero();
        assertThat(p.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.delayAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.delayAfter(7)).isEqualTo(Duration.ofSeconds(120));
        assertThat(p.delayAfter(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(p.delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void namesDifferingOnlyInCaseOrSpacesAreOneKey() {
        assertThat(LoginThrottle.normalise("  Admin ")).isEqualTo(LoginThrottle.normalise("admin"));
    }
}
