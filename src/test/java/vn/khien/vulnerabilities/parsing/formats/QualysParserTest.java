package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Severity;

/** Qualys VM (XML and CSV) over {@code reports/qualys/}; one QID on several hosts in a CSV is one finding. */
class QualysParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "qualys";
    }

    @Test
    void oneFindingTakesItsTitleAndSeverityFromTheGlossary() throws Exception {
        ParsedFinding f = parse("one-finding.xml").get(0);
        assertThat(f.title()).isEqualTo("QID-38173 | SSL Certificate - Signature Verification Failed");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.vulnerabilityIds()).containsExactly("CVE-2019-4");
        assertThat(hosts(f)).containsExactly("h.example");
    }

    @Test
    void xmlKeepsOneFindingPerHostAsTheReferenceImporterDoes() throws Exception {
        List<ParsedFinding> all = parse("several-hosts.xml");
        assertThat(all)
                .extracting(ParsedFinding::title)
                .containsExactly(
                        "QID-38173 | SSL Certificate",
                        "QID-11827 | HTTP Security Header Not Detected",
                        "QID-38173 | SSL Certificate");
    }

    @Test
    void csvQidOnSeveralHostsIsOneFindingWithALocationPerHost() throws Exception {
        List<ParsedFinding> all = parse("one-qid-several-hosts.csv");
        assertThat(all).hasSize(2);
        ParsedFinding cert = titled(all, "QID-38173 | SSL Certificate");
        assertThat(cert.mergedKey()).isTrue();
        assertThat(hosts(cert)).containsExactly("h.example", "i.example", "j.example");
        assertThat(cert.locations()).extracting(l -> l.port()).containsExactly(443, 443, 8443);
        assertThat(cert.severity()).as("the highest any row gives").isEqualTo(Severity.MEDIUM);
        assertThat(cert.vulnerabilityIds()).containsExactly("CVE-2019-4", "CVE-2019-5");
        assertThat(cert.occurrences()).isEqualTo(3);
        // the key has no host: the same QID found on other hosts next time is the same finding
        List<ParsedFinding> lessHosts = parseText(
                new String(bytes(report("one-qid-several-hosts.csv")), StandardCharsets.UTF_8)
                        .replace("\"10.0.0.7\",\"h.example\"", "\"10.0.0.1\",\"z.example\""),
                "qualys");
        assertThat(titled(lessHosts, cert.title()).fingerprint()).isEqualTo(cert.fingerprint());
        assertThat(titled(all, "QID-11827 | HTTP Security Header Not Detected").locations())
                .hasSize(1);
    }

    @Test
    void csvSeverityAsANumberOrAWordAndVietnameseTitles() throws Exception {
        List<ParsedFinding> all = parse("odd-encoding-and-severities.csv");
        assertThat(titled(all, "QID-90001 | Chứng chỉ “hết hạn”").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(titled(all, "QID-90002 | Severity as a word").severity()).isEqualTo(Severity.HIGH);
        assertThat(parse("empty.csv")).isEmpty();
    }
}
