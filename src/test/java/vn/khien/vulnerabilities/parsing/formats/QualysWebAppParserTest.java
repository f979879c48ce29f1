package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Severity;

/** Qualys WAS XML over {@code reports/qualys_webapp/}. */
class QualysWebAppParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "qualys_webapp";
    }

    @Test
    void oneFindingTakesTitleAndSeverityFromTheGlossary() throws Exception {
        ParsedFinding f = parse("one-finding.xml").get(0);
        assertThat(f.title()).isEqualTo("Reflected XSS");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.locations().get(0).url()).isEqualTo("https://j.example/");
    }

    @Test
    void oneQidOnSeveralUrlsIsOneFinding() throws Exception {
        List<ParsedFinding> all = parse("several-urls.xml");
        assertThat(all).hasSize(2);
        assertThat(hosts(titled(all, "Reflected XSS"))).containsExactly("j.example", "k.example");
        assertThat(titled(all, "SQL Injection").severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void levelOneIsLowAndUnicodeUrlsAreKept() throws Exception {
        ParsedFinding f = parse("odd-encoding-and-severities.xml").get(0);
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.locations().get(0).url()).isEqualTo("https://tên-miền.vn/trang");
    }
}
