package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Severity;

/** Burp Suite XML issues export over {@code reports/burp/}. */
class BurpParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "burp";
    }

    @Test
    void oneFindingCarriesIssueTypeUrlAndSerial() throws Exception {
        ParsedFinding f = parse("one-finding.xml").get(0);
        assertThat(f.title()).isEqualTo("Cross-site scripting (reflected)");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.vulnIdFromTool()).isEqualTo("5245344");
        assertThat(f.locations().get(0).url()).isEqualTo("https://f.example/a");
    }

    @Test
    void oneIssueTypeOnSeveralHostsIsOneFinding() throws Exception {
        List<ParsedFinding> all = parse("several-hosts.xml");
        assertThat(all).hasSize(2);
        assertThat(hosts(titled(all, "Cross-site scripting (reflected)"))).containsExactly("f.example", "g.example");
    }

    @Test
    void informationIsInfo() throws Exception {
        ParsedFinding f = parse("odd-encoding-and-severities.xml").get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.title()).isEqualTo("Lộ thông tin “nhạy cảm”");
    }

    @Test
    void anEmptyRequestKeepsTheResponseOfTheExchange() throws Exception {
        ParsedFinding f = parse("empty-request.xml").get(0);
        assertThat(f.exchanges()).hasSize(1);
        assertThat(f.exchanges().get(0).request()).isNull();
        assertThat(f.exchanges().get(0).response()).isEqualTo("HTTP/1.1 200");
    }
}
