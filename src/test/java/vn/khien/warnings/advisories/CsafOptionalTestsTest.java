package vn.khien.warnings.advisories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CSAF 2.0 optional (§6.2) and informative (§6.3) tests Khiên runs: each has a failing document reported at the
 * JSON pointer of the specification's relevant path, and a passing one (cases in
 * {@code src/test/resources/warnings/csaf/optional/cases.json}, edits of a clean advisory that passes every test and
 * the schema). A failure never refuses: {@link CsafValidation} reports it as accepted, with its level.
 */
class CsafOptionalTestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode cases() throws IOException {
        try (InputStream in = CsafOptionalTestsTest.class.getResourceAsStream("/warnings/csaf/optional/cases.json")) {
            return JSON.readTree(in);
        }
    }

    private static JsonNode clean() throws IOException {
        return CsafMandatoryTestsTest.edited(
                CsafMandatoryTestsTest.resource("base-advisory.json"), cases().get("clean"));
    }

    /** Every test failed, mandatory, optional or informative. */
    private static Set<String> failed(JsonNode doc) {
        Set<String> out = new TreeSet<>();
        CsafMandatoryTests.run(doc).forEach(v -> out.add(v.test()));
        CsafOptionalTests.run(doc).forEach(v -> out.add(v.test()));
        return out;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(t -> out.add(t.asString()));
        return out;
    }

    @Test
    void theCleanDocumentPassesEveryTestAndTheSchema() throws IOException {
        JsonNode doc = clean();
        assertThat(failed(doc)).isEmpty();
        assertThatCode(() -> SchemaCheck.csaf(doc)).doesNotThrowAnyException();
        CsafValidation.Outcome o = CsafValidation.run(doc);
        assertThat(o.refused()).isEmpty();
        assertThat(o.accepted()).isEmpty();
    }

    @Test
    void everyTestRunHasAFailingAndAPassingCase() throws IOException {
        Set<String> covered = new LinkedHashSet<>();
        cases().get("cases").forEach(c -> covered.add(c.get("test").asString()));
        assertThat(covered).containsExactlyElementsOf(CsafOptionalTests.TESTS);
    }

    @TestFactory
    Stream<DynamicTest> eachTestFailsItsFailingCaseAndPassesItsPassingCase() throws IOException {
        JsonNode clean = clean();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases().get("cases")) {
            String test = c.get("test").asString();
            tests.add(DynamicTest.dynamicTest(test + " fails", () -> {
                JsonNode doc = CsafMandatoryTestsTest.edited(clean, c.get("failing"));
                Set<String> expected = new TreeSet<>(Set.of(test));
                expected.addAll(texts(c.path("alsoFails")));
                assertThat(failed(doc)).isEqualTo(expected);
                assertThatCode(() -> SchemaCheck.csaf(doc)).doesNotThrowAnyException();
                CsafValidation.Outcome o = CsafValidation.run(doc);
                assertThat(o.refused())
                        .as("an optional or informative test never refuses")
                        .isEmpty();
                assertThat(o.accepted())
                        .filteredOn(v -> v.test().equals(test))
                        .isNotEmpty()
                        .allSatisfy(v -> assertThat(v.level())
                                .isEqualTo(
                                        test.startsWith("6.2.")
                                                ? CsafCheck.Level.OPTIONAL
                                                : CsafCheck.Level.INFORMATIVE))
                        .extracting(CsafCheck::pointer)
                        .contains(c.get("at").asString());
            }));
            tests.add(DynamicTest.dynamicTest(test + " passes", () -> {
                JsonNode doc = CsafMandatoryTestsTest.edited(clean, c.get("passing"));
                assertThat(failed(doc)).isEqualTo(texts(c.path("passingAlsoFails")));
                assertThatCode(() -> SchemaCheck.csaf(doc)).doesNotThrowAnyException();
            }));
        }
        return tests.stream();
    }

    @Test
    void anAcceptedMandatoryFailureIsReportedAndARefusingOneRefuses() throws IOException {
        JsonNode stale =
                CsafMandatoryTestsTest.edited(clean(), JSON.readTree("{\"/document/tracking/version\": \"1\"}"));
        CsafValidation.Outcome o = CsafValidation.run(stale);
        assertThat(o.refused()).isEmpty();
        assertThat(o.accepted())
                .contains(new CsafCheck(
                        "6.1.16",
                        CsafCheck.Level.MANDATORY,
                        "/document/tracking/version",
                        CsafMandatoryTests.run(stale).get(0).message()));
        JsonNode undefined = CsafMandatoryTestsTest.edited(
                clean(), JSON.readTree("{\"/vulnerabilities/0/product_status/known_affected/0\": \"P9\"}"));
        CsafValidation.Outcome refused = CsafValidation.run(undefined);
        assertThat(refused.refused())
                .extracting(CsafCheck::test, CsafCheck::pointer)
                .contains(tuple("6.1.1", "/vulnerabilities/0/product_status/known_affected/0"));
    }

    @Test
    void theRealCsafFixturesAreNeverRefusedByTheOptionalTests() throws IOException {
        for (Path f : CsafSchemaTest.realCsafFiles()) {
            JsonNode doc = JSON.readTree(f.toFile());
            CsafValidation.Outcome o = CsafValidation.run(doc);
            assertThat(o.refused()).as(f.getFileName().toString()).isEmpty();
            assertThat(o.accepted())
                    .as(f.getFileName().toString())
                    .allSatisfy(c -> assertThat(c.test()).isIn(allTests()));
        }
    }

    private static Set<String> allTests() {
        Set<String> all = new LinkedHashSet<>(CsafMandatoryTests.TESTS);
        all.addAll(CsafOptionalTests.TESTS);
        return all;
    }
}
