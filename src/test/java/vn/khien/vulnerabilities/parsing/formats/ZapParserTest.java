package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Severity;

/** OWASP ZAP XML over {@code reports/zap/}. */
class ZapParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "zap";
    }

    @Test
    void oneFindingCarriesAlertRiskAndUrl() throws Exception {
        ParsedFinding f = parse("one-finding.xml").get(0);
        assertThat(f.title()).isEqualTo("Missing header");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.locations().get(0).url()).isEqualTo("https://e.example/");
    }

    @Test
    void instancesOfOneAlertAreItsPlacesPerSite() throws Exception {
        List<ParsedFinding> all = parse("several-hosts.xml");
        assertThat(all).hasSize(3);
        assertThat(all.get(0).locations()).hasSize(2);
        assertThat(locations(all)).isEqualTo(4);
        assertThat(titled(all, "XSS").severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void riskZeroIsInfoAndUnicodeHostsAreKept() throws Exception {
        ParsedFinding f = parse("odd-encoding-and-severities.xml").get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(hosts(f)).containsExactly("tên-miền.vn");
    }

    @Test
    void anAlertOutsideAnySiteIsReadWithItsInstances() throws Exception {
        ParsedFinding f = parse("alert-outside-site.xml").get(0);
        assertThat(f.title()).isEqualTo("Missing header");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(hosts(f)).containsExactly("e.example");
    }
}
