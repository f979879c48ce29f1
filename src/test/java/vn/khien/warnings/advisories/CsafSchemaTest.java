package vn.khien.warnings.advisories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSAF 2.0 documents are checked against the official schema shipped in the application, offline (ADR 0035): the
 * real CSAF files of the shared fixtures pass, broken ones of our own are refused with a JSON pointer per error.
 */
class CsafSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode own(String name) throws IOException {
        try (InputStream in = CsafSchemaTest.class.getResourceAsStream("/warnings/csaf/" + name)) {
            return JSON.readTree(in);
        }
    }

    static Path csafFixtures() {
        String dir = System.getProperty("khien.fixtures.dir");
        Path p = dir == null ? null : Path.of(dir, "feeds", "csaf");
        Assumptions.assumeTrue(
                p != null && Files.isDirectory(p),
                "shared CSAF fixtures not found: set -Dkhien.fixtures.dir to ../shared/fixtures");
        return p;
    }

    /** The real CSAF files of the shared fixtures (not the invalid-* ones we made), at least 8. */
    static List<Path> realCsafFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(csafFixtures())) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("invalid-"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        return files;
    }

    @Test
    void everyRealCsafFixturePassesTheOfficialSchema() throws IOException {
        for (Path f : realCsafFiles()) {
            JsonNode doc = JSON.readTree(f.toFile());
            assertThatCode(() -> SchemaCheck.csaf(doc))
                    .as(f.getFileName().toString())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theSharedCsaf12FixtureBreaksTheSchemaAtTheVersion() throws IOException {
        JsonNode doc = JSON.readTree(
                csafFixtures().resolve("invalid-csaf-version-1.2.json").toFile());
        SchemaCheck.SchemaViolations e =
                catchThrowableOfType(SchemaCheck.SchemaViolations.class, () -> SchemaCheck.csaf(doc));
        assertThat(e).isNotNull();
        assertThat(e.violations()).extracting(SchemaCheck.Violation::pointer).contains("/document/csaf_version");
    }

    @Test
    void ourMinimalDocumentIsValid() throws IOException {
        JsonNode doc = own("valid-minimal.json");
        assertThatCode(() -> SchemaCheck.csaf(doc)).doesNotThrowAnyException();
    }

    @Test
    void eachErrorIsNamedByItsJsonPointer() throws IOException {
        JsonNode doc = own("broken-three-errors.json");
        SchemaCheck.SchemaViolations e =
                catchThrowableOfType(SchemaCheck.SchemaViolations.class, () -> SchemaCheck.csaf(doc));
        assertThat(e).isNotNull();
        assertThat(e.violations())
                .extracting(SchemaCheck.Violation::pointer)
                .contains("/document", "/document/tracking/status", "/vulnerabilities/0/cve");
        assertThat(e.violations())
                .filteredOn(v -> v.pointer().equals("/document"))
                .extracting(SchemaCheck.Violation::message)
                .anyMatch(m -> m.contains("title"));
        assertThat(e.total()).isEqualTo(e.violations().size());
    }

    @Test
    void theListIsCappedAndTheRestCounted() throws IOException {
        JsonNode doc = own("broken-many-errors.json");
        SchemaCheck.SchemaViolations e =
                catchThrowableOfType(SchemaCheck.SchemaViolations.class, () -> SchemaCheck.csaf(doc));
        assertThat(e).isNotNull();
        assertThat(e.violations()).hasSize(SchemaCheck.MAX_ERRORS);
        assertThat(e.total()).isGreaterThanOrEqualTo(25);
        assertThat(e.violations().get(0).pointer()).startsWith("/vulnerabilities/");
    }
}
