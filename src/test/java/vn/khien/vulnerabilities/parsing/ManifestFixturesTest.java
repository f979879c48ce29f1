package vn.khien.vulnerabilities.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every entry of the shared DefectDojo-derived fixture manifest
 * ({@code shared/fixtures/scans/manifest.json}): format detection from content, parsing with
 * the explicit format, the expected count / rejection, and the per-finding and aggregate checks
 * described in the fixtures README.
 */
class ManifestFixturesTest {

    private static final ReportParsers PARSERS = new ReportParsers();

    @TestFactory
    Stream<DynamicTest> everyManifestEntry() throws IOException {
        String dir = System.getProperty("khien.fixtures.dir");
        Path scans = dir == null ? null : Path.of(dir, "scans");
        Assumptions.assumeTrue(
                scans != null && Files.isRegularFile(scans.resolve("manifest.json")),
                "Scanner fixtures not found: set system property khien.fixtures.dir to the shared fixtures folder"
                        + " (Surefire sets it to ${project.basedir}/../shared/fixtures); was " + dir);
        JsonNode manifest = JsonMapper.builder()
                .build()
                .readTree(scans.resolve("manifest.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        // optional developer filter, e.g. -Dkhien.fixtures.only=nessus/ (never set in CI)
        String only = System.getProperty("khien.fixtures.only", "");
        for (JsonNode entry : manifest.get("entries")) {
            String file = entry.get("file").asString();
            if (!file.startsWith(only)) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(file, () -> {
                try {
                    runEntry(scans, entry);
                } catch (Exception | AssertionError e) {
                    // surefire names dynamic tests by number only: put the file into the message
                    throw new AssertionError(file + ": " + e.getMessage(), e);
                }
            }));
        }
        return tests.stream();
    }

    private void runEntry(Path scans, JsonNode entry) throws Exception {
        String format = entry.get("format").asString();
        Path file = scans.resolve(entry.get("file").asString());
        boolean empty = Files.size(file) == 0;

        // 1. detection from content
        if (empty) {
            try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                assertThatThrownBy(() -> FormatDetector.detect(in))
                        .isInstanceOf(ReportFormatException.class)
                        .hasMessageContaining("Empty file");
            }
        } else {
            try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                assertThat(FormatDetector.detect(in)).as("detected format").isEqualTo(format);
            }
        }

        // 2. rejection
        if (entry.has("expected_error")) {
            try (InputStream in = Files.newInputStream(file)) {
                assertThatThrownBy(() -> PARSERS.parse(format, in, f -> {})).isInstanceOf(ReportFormatException.class);
            }
            if (!empty) {
                try (InputStream in = Files.newInputStream(file)) {
                    assertThatThrownBy(() -> PARSERS.parse(null, in, f -> {}))
                            .isInstanceOf(ReportFormatException.class);
                }
            }
            return;
        }

        // 3. parse with explicit format (and, for non-empty files, with detection: same result)
        List<ParsedFinding> findings = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            PARSERS.parse(format, in, findings::add);
        }
        if (!empty) {
            List<ParsedFinding> detected = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                assertThat(PARSERS.parse(null, in, detected::add)).isEqualTo(format);
            }
            assertThat(detected).as("findings with detected format").isEqualTo(findings);
        }

        JsonNode expected = entry.get("expected_findings");
        if (expected != null && !expected.isNull()) {
            assertThat(findings).as("number of findings").hasSize(expected.asInt());
        }
        for (JsonNode check : entry.get("checks")) {
            ManifestChecks.apply(check, findings);
        }
        JsonNode agg = entry.get("aggregate_checks");
        if (agg != null) {
            ManifestChecks.applyAggregate(agg, findings);
        }
        JsonNode meta = entry.get("report_meta");
        if (meta != null && meta.has("type")) {
            // The report's tool name travels on each finding. The other report-level metadata
            // (name, version, description, static/dynamic flags) is not part of ParsedFinding.
            for (ParsedFinding f : findings) {
                assertThat(f.toolName())
                        .as("report_meta.type")
                        .isEqualTo(meta.get("type").asString());
            }
        }
        for (ParsedFinding f : findings) {
            assertThat(f.fingerprint()).hasSize(64);
        }
    }
}
