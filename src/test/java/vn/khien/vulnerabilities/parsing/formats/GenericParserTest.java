package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Severity;

/** The generic findings format (JSON and CSV) over {@code reports/generic/}. */
class GenericParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "generic";
    }

    @Test
    void oneFindingCarriesItsFields() throws Exception {
        ParsedFinding f = parse("one-finding.json").get(0);
        assertThat(f.title()).isEqualTo("Mật khẩu mặc định");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.vulnerabilityIds()).contains("CVE-2016-7");
        assertThat(hosts(f)).containsExactly("l.example");
    }

    @Test
    void jsonFindingsOnSeveralHostsStaySeparate() throws Exception {
        List<ParsedFinding> all = parse("several-hosts.json");
        assertThat(all).flatExtracting(FormatTestSupport::hosts).containsExactly("a.example", "b.example", "a.example");
        assertThat(all.get(2).severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void csvQuotedCommasAndQuotesAndCriticalSeverity() throws Exception {
        ParsedFinding f = parse("odd-encoding-and-severities.csv").get(0);
        assertThat(f.title()).isEqualTo("Tiêu đề, có dấu phẩy \"và ngoặc\"");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(hosts(f)).containsExactly("tên-miền.vn");
    }
}
