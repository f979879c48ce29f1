package vn.khien.incidents.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.khien.incidents.cases.Indicators.Kind;

class IndicatorsTest {

    @Test
    void normalisesEveryKind() {
        assertThat(Indicators.normalise(Kind.IPV4, " 185.220.101[.]47 ")).contains("185.220.101.47");
        assertThat(Indicators.normalise(Kind.IPV6, "2001:0DB8:0000:0000:0000:0000:0000:0001"))
                .contains("2001:db8::1");
        assertThat(Indicators.normalise(Kind.CIDR, "10.20.1.77/24")).contains("10.20.1.0/24");
        assertThat(Indicators.normalise(Kind.CIDR, "2001:db8::1/32")).contains("2001:db8::/32");
        assertThat(Indicators.normalise(Kind.DOMAIN, "Bệnh-Viện.VN.")).contains("xn--bnh-vin-yv4cf.vn");
        assertThat(Indicators.normalise(Kind.URL, "HTTPS://Example.COM:443")).contains("https://example.com/");
        assertThat(Indicators.normalise(Kind.EMAIL, "Phish@Evil.Example")).contains("Phish@evil.example");
        assertThat(Indicators.normalise(Kind.MD5, "D41D8CD98F00B204E9800998ECF8427E"))
                .contains("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(Indicators.normalise(Kind.SHA1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"))
                .isPresent();
    }

    @Test
    void refusesWhatIsNotThatKind() {
        assertThat(Indicators.normalise(Kind.IPV4, "256.1.1.1")).isEmpty();
        assertThat(Indicators.normalise(Kind.IPV4, "01.2.3.4")).isEmpty();
        assertThat(Indicators.normalise(Kind.IPV6, "example.com")).isEmpty();
        assertThat(Indicators.normalise(Kind.CIDR, "10.0.0.0/33")).isEmpty();
        assertThat(Indicators.normalise(Kind.DOMAIN, "1.2.3.4")).isEmpty();
        assertThat(Indicators.normalise(Kind.DOMAIN, "-bad-.com")).isEmpty();
        assertThat(Indicators.normalise(Kind.URL, "javascript:alert(1)")).isEmpty();
        assertThat(Indicators.normalise(Kind.EMAIL, "a@@b.com")).isEmpty();
        assertThat(Indicators.normalise(Kind.SHA256, "xyz")).isEmpty();
        assertThat(Indicators.normalise(Kind.MD5, null)).isEmpty();
    }
}
