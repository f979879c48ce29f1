package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Severity;

/** Nmap XML (open ports and vulners script output) over {@code reports/nmap/}. */
class NmapParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "nmap";
    }

    @Test
    void anOpenPortWithAKnownCveIsTwoFindings() throws Exception {
        List<ParsedFinding> all = parse("one-finding.xml");
        assertThat(all).extracting(ParsedFinding::title).containsExactly("CVE-2018-15473", "Open port: 22/tcp");
        assertThat(titled(all, "CVE-2018-15473").severity())
                .as("vulners cvss 5.0")
                .isEqualTo(Severity.MEDIUM);
        assertThat(titled(all, "Open port: 22/tcp").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void theSameCveOnSeveralHostsIsOneFinding() throws Exception {
        List<ParsedFinding> all = parse("several-hosts.xml");
        assertThat(hosts(titled(all, "CVE-2018-15473"))).containsExactly("g.example", "h.example");
        assertThat(titled(all, "CVE-2023-38408").severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void cvssZeroIsInfo() throws Exception {
        assertThat(titled(parse("odd-encoding-and-severities.xml"), "CVE-2016-0777")
                        .severity())
                .isEqualTo(Severity.INFO);
    }
}
