package vn.khien.warnings.advisories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every real advisory file of the shared fixtures (../shared/fixtures/feeds, via -Dkhien.fixtures.dir) reads with the
 * kind, record count and CVE ids of its manifest; every invalid-* file is rejected. Skipped when the folder is absent.
 */
class FeedFixturesTest {

    static Path feeds() {
        String dir = System.getProperty("khien.fixtures.dir");
        Path p = dir == null ? null : Path.of(dir, "feeds");
        Assumptions.assumeTrue(
                p != null && Files.isRegularFile(p.resolve("manifest.json")),
                "shared advisory fixtures not found: set -Dkhien.fixtures.dir to ../shared/fixtures");
        return p;
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureReadsAsItsManifestSays() throws Exception {
        Path feeds = feeds();
        JsonNode manifest = JsonMapper.builder()
                .build()
                .readTree(feeds.resolve("manifest.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode e : manifest.get("entries")) {
            String file = e.get("file").asString();
            String kind = e.get("kind").asString().toUpperCase(Locale.ROOT);
            int expected = e.get("expected_vulnerabilities").asInt();
            boolean invalid = e.has("expected_error");
            boolean schema = file.endsWith("_schema.json");
            tests.add(DynamicTest.dynamicTest(file, () -> {
                List<ParsedAdvisory> read = new ArrayList<>();
                if (invalid || schema) {
                    assertThatThrownBy(() -> read(feeds.resolve(file), read)).isInstanceOf(FeedException.class);
                    return;
                }
                FeedReader.Summary s = read(feeds.resolve(file), read);
                assertThat(s.kind().name()).isEqualTo(kind);
                LinkedHashSet<String> cves = new LinkedHashSet<>();
                read.forEach(a -> cves.addAll(a.cves()));
                List<String> manifestCves = new ArrayList<>();
                e.get("cve_ids").forEach(c -> manifestCves.add(c.asString()));
                if (kind.equals("CSAF")) {
                    assertThat(read).hasSize(e.get("expected_advisories").asInt());
                } else {
                    assertThat(read).hasSize(expected);
                    assertThat(s.advisories()).isEqualTo(expected);
                }
                assertThat(cves).containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(manifestCves));
            }));
        }
        return tests.stream();
    }

    static FeedReader.Summary read(Path file, List<ParsedAdvisory> into) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return FeedReader.read(in, file.getFileName().toString(), into::add);
        }
    }
}
