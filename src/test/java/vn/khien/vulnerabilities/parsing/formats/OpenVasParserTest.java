package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Severity;

/** OpenVAS / Greenbone (XML report and CSV export) over {@code reports/openvas/}. */
class OpenVasParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "openvas";
    }

    @Test
    void oneFindingCarriesNvtHostPortAndSeverity() throws Exception {
        ParsedFinding f = parse("one-finding.xml").get(0);
        assertThat(f.title()).isEqualTo("Old SSH");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.vulnerabilityIds()).containsExactly("CVE-2021-1");
        assertThat(hosts(f)).containsExactly("10.0.0.2");
        assertThat(f.locations().get(0).port()).isEqualTo(22);
    }

    @Test
    void eachResultOnEachHostIsOneFinding() throws Exception {
        List<ParsedFinding> all = parse("several-hosts.xml");
        assertThat(all).extracting(ParsedFinding::title).containsExactly("Old SSH", "Old SSH", "Weak TLS");
        assertThat(all).flatExtracting(FormatTestSupport::hosts).containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.3");
        assertThat(all.get(0).fingerprint()).isNotEqualTo(all.get(1).fingerprint());
        assertThat(all.get(2).severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void logLevelIsInfoAndVietnameseTitlesAreKept() throws Exception {
        List<ParsedFinding> all = parse("odd-encoding-and-severities.xml");
        ParsedFinding log = titled(all, "Thông tin hệ điều hành “Linux”");
        assertThat(log.severity()).isEqualTo(Severity.INFO);
        assertThat(log.locations().get(0).port()).as("general/tcp has no port").isNull();
        assertThat(titled(all, "Lỗi nghiêm trọng").severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void csvExportIsReadToo() throws Exception {
        ParsedFinding f = parse("export.csv").get(0);
        assertThat(f.title()).isEqualTo("Old SSH");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.locations().get(0).port()).isEqualTo(22);
    }

    @Test
    void aResultWithoutNvtIsLeftOutAndTheOthersKept() throws Exception {
        List<ParsedFinding> all = parse("result-without-nvt.xml");
        assertThat(all).extracting(ParsedFinding::title).containsExactly("Old SSH");
        assertThat(hosts(all.get(0))).containsExactly("10.0.0.2");
    }
}
