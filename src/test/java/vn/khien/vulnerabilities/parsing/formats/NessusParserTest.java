package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.Severity;

/** Nessus (.nessus XML and CSV export) over the project's own reports in {@code reports/nessus/}. */
class NessusParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "nessus";
    }

    @Test
    void oneFindingCarriesItsPluginPlaceAndCve() throws Exception {
        ParsedFinding f = parse("one-finding.nessus").get(0);
        assertThat(f.title()).isEqualTo("TLS Version 1.0 Protocol Detection");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.vulnIdFromTool()).isEqualTo("104743");
        assertThat(f.vulnerabilityIds()).containsExactly("CVE-2011-3389");
        assertThat(f.cvssV3Score()).isEqualTo(6.5);
        assertThat(hosts(f)).containsExactly("cong.khien.example");
        assertThat(f.locations().get(0).port()).isEqualTo(443);
    }

    @Test
    void onePluginOnSeveralHostsIsOneFindingWithAPlacePerHost() throws Exception {
        List<ParsedFinding> all = parse("several-hosts.nessus");
        assertThat(all).hasSize(3);
        ParsedFinding tls = titled(all, "TLS weak");
        assertThat(tls.mergedKey()).isTrue();
        assertThat(hosts(tls)).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
        assertThat(titled(all, "Nessus Scan Information").severity()).isEqualTo(Severity.INFO);
        assertThat(titled(all, "SSH weak").severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void vietnameseTextAndAnUnknownSeverityLevel() throws Exception {
        List<ParsedFinding> all = parse("odd-encoding-and-severities.nessus");
        assertThat(titled(all, "Lỗ hổng nghiêm trọng “Đặc biệt”").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(titled(all, "Mức lạ").severity())
                .as("severity=\"9\" is no Nessus level")
                .isEqualTo(Severity.INFO);
        assertThat(hosts(all.get(0))).containsExactly("máy-chủ.khien.example");
    }

    @Test
    void csvExportRowsArePlaces() throws Exception {
        List<ParsedFinding> all = parse("export.csv");
        assertThat(all).extracting(ParsedFinding::title).containsExactly("TLS weak", "TLS weak");
        assertThat(all).flatExtracting(FormatTestSupport::hosts).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(all.get(0).severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aSynopsisThatRepeatsTheDescriptionIsShownOnceAndADifferentOneIsKept() throws Exception {
        List<ParsedFinding> all = parse("synopsis-repeats-description.nessus");
        assertThat(titled(all, "IIS HTTP Protocol Stack RCE").description())
                .isEqualTo("The remote web server is affected by a remote code execution flaw.");
        assertThat(titled(all, "SSH weak").description())
                .isEqualTo("Weak algorithms.\n\nThe SSH server is configured to allow weak algorithms.");
    }

    @Test
    void anItemWithoutPluginIsRefusedSayingWhatIsMissing() {
        assertThatThrownBy(() -> parse("malformed-item-without-plugin.nessus"))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("neither pluginName nor pluginID")
                .hasMessageContaining("line 4");
    }

    @Test
    void aHostWithoutNameKeepsItsFindingWithoutAPlace() throws Exception {
        ParsedFinding f = parse("host-without-name.nessus").get(0);
        assertThat(f.title()).isEqualTo("TLS Version 1.0 Protocol Detection");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.locations()).isEmpty();
    }
}
