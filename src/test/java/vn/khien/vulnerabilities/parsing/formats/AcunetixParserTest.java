package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Severity;

/** Acunetix (XML and Acunetix 360 JSON) over {@code reports/acunetix/}. */
class AcunetixParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "acunetix";
    }

    @Test
    void oneFindingCarriesNameSeverityAndPath() throws Exception {
        ParsedFinding f = parse("one-finding.xml").get(0);
        assertThat(f.title()).isEqualTo("SQL injection");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.vulnerabilityIds()).containsExactly("CVE-2017-6");
        assertThat(f.locations().get(0).path()).isEqualTo("a");
    }

    @Test
    void oneIssueOnSeveralUrlsIsOneFinding() throws Exception {
        List<ParsedFinding> all = parse("several-urls.xml");
        assertThat(all).hasSize(2);
        assertThat(titled(all, "SQL injection").locations())
                .extracting(l -> l.path())
                .containsExactly("a", "b");
        assertThat(titled(all, "Clickjacking").severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void informationalIsInfoAndTheJsonExportIsReadToo() throws Exception {
        assertThat(parse("odd-encoding-and-severities.xml").get(0).severity()).isEqualTo(Severity.INFO);
        ParsedFinding json = parseDetected("export.json").get(0);
        assertThat(json.title()).isEqualTo("SQLi");
        assertThat(json.locations().get(0).url()).isEqualTo("https://k.example/a");
    }

    @Test
    void aScanWithoutStartUrlKeepsItsFindingsWithoutAPlace() throws Exception {
        ParsedFinding f = parse("no-start-url.xml").get(0);
        assertThat(f.title()).isEqualTo("SQL injection");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.locations())
                .as("no StartURL: the Affects path alone names no place")
                .isEmpty();
    }
}
