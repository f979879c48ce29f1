package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.ReportHead;
import vn.khien.vulnerabilities.parsing.ReportParser;
import vn.khien.vulnerabilities.parsing.ReportParsers;

/**
 * The formats declare their own recognition (ADR 0011): every parser found has its own test reports, and no test
 * report is claimed by two specific recognitions (detection does not depend on the order parsers are asked in).
 */
class FormatRecognitionTest {

    @Test
    void everyFormatHasItsOwnTestReports() {
        ReportParsers parsers = new ReportParsers();
        assertThat(parsers.formats()).hasSizeGreaterThanOrEqualTo(13).last().isEqualTo("generic");
        for (String format : parsers.formats()) {
            assertThat(FormatRecognitionTest.class.getResource("/reports/" + format + "/"))
                    .as("src/test/resources/reports/" + format)
                    .isNotNull();
        }
    }

    @Test
    void noTestReportIsClaimedByTwoSpecificRecognitions() throws Exception {
        ReportParsers parsers = new ReportParsers();
        List<ReportParser> all = new ArrayList<>();
        for (String f : parsers.formats()) {
            all.add(parsers.parser(f));
        }
        Path root = Path.of(FormatRecognitionTest.class.getResource("/reports").toURI());
        int checked = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (p.getFileName().toString().startsWith("malformed")) continue;
                ReportHead head = ReportHead.of(Files.readString(p, StandardCharsets.UTF_8));
                List<String> claims = all.stream()
                        .filter(r -> !r.recognition().fallback())
                        .filter(r -> r.recognition().matches(head))
                        .map(ReportParser::format)
                        .toList();
                String folder = p.getParent().getFileName().toString();
                if (folder.equals("generic")) {
                    assertThat(claims).as(root.relativize(p).toString()).isEmpty();
                } else {
                    assertThat(claims).as(root.relativize(p).toString()).containsExactly(folder);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }
}
