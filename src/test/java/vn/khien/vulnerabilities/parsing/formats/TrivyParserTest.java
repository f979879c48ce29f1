package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Severity;

/** Trivy (JSON, current schema and the legacy null / array forms) over {@code reports/trivy/}. */
class TrivyParserTest extends FormatTestSupport {

    @Override
    String format() {
        return "trivy";
    }

    @Test
    void oneFindingCarriesPackageVersionAndTarget() throws Exception {
        ParsedFinding f = parse("one-finding.json").get(0);
        assertThat(f.title()).isEqualTo("CVE-2023-3 openssl 3.0.1");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.componentName()).isEqualTo("openssl");
        assertThat(f.componentVersion()).isEqualTo("3.0.1");
        assertThat(f.locations().get(0).filePath()).isEqualTo("img (debian 12)");
    }

    @Test
    void everyTargetKeepsItsOwnFindings() throws Exception {
        List<ParsedFinding> all = parse("several-targets.json");
        assertThat(all)
                .extracting(ParsedFinding::severity)
                .containsExactly(Severity.HIGH, Severity.MEDIUM, Severity.CRITICAL);
        assertThat(all.get(2).locations().get(0).filePath()).isEqualTo("app/package-lock.json");
    }

    @Test
    void unknownSeverityIsInfoAndTheLegacyNullIsAClean() throws Exception {
        ParsedFinding f = parse("odd-encoding-and-severities.json").get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.componentName()).isEqualTo("gói-việt");
        assertThat(parseDetected("legacy-clean.json")).isEmpty();
    }
}
