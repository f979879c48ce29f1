package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Severity;

/** SARIF 2.1.0 over {@code reports/sarif/}, with fingerprints written as objects (issue 9 point 22). */
class SarifParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "sarif";
    }

    @Test
    void oneFindingCarriesRuleFileAndLine() throws Exception {
        ParsedFinding f = parse("one-finding.sarif").get(0);
        assertThat(f.severity()).as("security-severity 8.1").isEqualTo(Severity.HIGH);
        assertThat(f.vulnIdFromTool()).isEqualTo("r1");
        assertThat(f.locations().get(0).filePath()).isEqualTo("src/A.java");
        assertThat(f.locations().get(0).line()).isEqualTo(12);
        assertThat(f.uniqueIdFromTool()).isEqualTo("h:1");
    }

    @Test
    void eachFileIsItsOwnFinding() throws Exception {
        List<ParsedFinding> all = parse("several-files.sarif");
        assertThat(all)
                .extracting(f -> f.locations().get(0).filePath())
                .containsExactly("src/A.java", "src/B.java", "src/C.java");
        assertThat(all).extracting(ParsedFinding::uniqueIdFromTool).containsExactly("h:1", "h:2", "h:3");
    }

    @Test
    void fingerprintValuesWrittenAsObjectsAreTheirValue() throws Exception {
        List<ParsedFinding> all = parse("fingerprints-as-objects.sarif");
        assertThat(all)
                .extracting(ParsedFinding::uniqueIdFromTool)
                .containsExactly("primaryLocationLineHash:abc123", "def456");
        // the same result written with plain strings has the same identity
        String plain = new String(bytes(report("fingerprints-as-objects.sarif")), StandardCharsets.UTF_8)
                .replace("{\"value\":\"abc123\"}", "\"abc123\"")
                .replace("{\"value\":\"def456\"}", "\"def456\"");
        assertThat(parseText(plain, "sarif"))
                .extracting(ParsedFinding::uniqueIdFromTool)
                .containsExactly("primaryLocationLineHash:abc123", "def456");
    }

    @Test
    void otherShapesOfFingerprintValuesStayDistinct() {
        tools.jackson.databind.ObjectMapper json =
                tools.jackson.databind.json.JsonMapper.builder().build();
        assertThat(SarifParser.fingerprintValue(json.readTree("{\"hash\":\"x\"}")))
                .isEqualTo("x");
        assertThat(SarifParser.fingerprintValue(json.readTree("{\"a\":\"x\",\"b\":2}")))
                .isEqualTo("{a=x, b=2}");
        assertThat(SarifParser.fingerprintValue(json.readTree("[\"x\",{\"value\":\"y\"}]")))
                .isEqualTo("x,y");
        assertThat(SarifParser.fingerprintValue(json.readTree("7"))).isEqualTo("7");
    }

    @Test
    void levelNoneWithVietnameseMessage() throws Exception {
        ParsedFinding f = parse("odd-encoding-and-severities.sarif").get(0);
        assertThat(f.title()).isEqualTo("Thông báo “tiếng Việt”");
        assertThat(f.locations().get(0).filePath()).isEqualTo("src/Tệp.java");
    }
}
