package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Severity;

/** Qualys scan results XML (root SCAN) over {@code reports/qualys_infrascan_webgui/}. */
class QualysInfrascanParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "qualys_infrascan_webgui";
    }

    @Test
    void oneFindingCarriesTitleSeverityAndHost() throws Exception {
        ParsedFinding f = parse("one-finding.xml").get(0);
        assertThat(f.title()).isEqualTo("Web server banner");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.vulnerabilityIds()).containsExactly("CVE-2018-5");
        assertThat(hosts(f)).containsExactly("i.example");
    }

    @Test
    void eachVulnOnEachHostIsOneFinding() throws Exception {
        List<ParsedFinding> all = parse("several-hosts.xml");
        assertThat(all).flatExtracting(FormatTestSupport::hosts).containsExactly("i.example", "i.example", "j.example");
        assertThat(titled(all, "Remote code execution").severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void levelOneIsInfo() throws Exception {
        ParsedFinding f = parse("odd-encoding-and-severities.xml").get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(hosts(f)).containsExactly("máy-chủ.vn");
    }
}
