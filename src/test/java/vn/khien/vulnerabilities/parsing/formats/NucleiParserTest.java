package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.Severity;

/** Nuclei (JSON lines and JSON array exports) over {@code reports/nuclei/}. */
class NucleiParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "nuclei";
    }

    @Test
    void oneFindingCarriesTemplateHostAndClassification() throws Exception {
        ParsedFinding f = parse("one-finding.jsonl").get(0);
        assertThat(f.title()).isEqualTo("TLS 1.0");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.vulnerabilityIds()).containsExactly("CVE-2022-2");
        assertThat(hosts(f)).containsExactly("c.example");
        assertThat(f.locations().get(0).port()).isEqualTo(443);
    }

    @Test
    void oneTemplateOnSeveralHostsIsOneFindingPerHost() throws Exception {
        List<ParsedFinding> all = parse("several-hosts.jsonl");
        assertThat(all).hasSize(3);
        assertThat(all).flatExtracting(FormatTestSupport::hosts).containsExactly("a.example", "b.example", "a.example");
        assertThat(all.get(0).fingerprint()).isNotEqualTo(all.get(1).fingerprint());
        assertThat(titled(all, "Git config exposed").locations().get(0).path()).isEqualTo(".git/config");
    }

    @Test
    void unknownSeverityIsLowAndUpperCaseWordsAreRead() throws Exception {
        List<ParsedFinding> all = parse("odd-encoding-and-severities.json");
        assertThat(titled(all, "Trang quản trị “lộ” ra ngoài").severity()).isEqualTo(Severity.LOW);
        assertThat(titled(all, "Critical one").severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aResultWithoutInfoIsRefusedSayingWhatIsMissing() {
        assertThatThrownBy(() -> parse("malformed-missing-info.jsonl"))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("missing 'template-id' or 'info'")
                .hasMessageContaining("line 1");
    }
}
