package vn.khien.vulnerabilities.parsing.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.parsing.FormatDetector;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.ReportParsers;

/**
 * What every format's own test checks, over the small reports written for the project under
 * {@code src/test/resources/reports/<format>/} (nothing here reads the shared corpus, so no parser test is ever
 * skipped): every report there that is not named {@code malformed*} is recognised as the format from its content
 * and parses; every {@code malformed*} report is rejected as a whole with the place of the problem; an empty file
 * with the format stated is a report of zero findings. Each subclass adds the format's own edge cases.
 */
abstract class FormatTestSupport {

    static final ReportParsers PARSERS = new ReportParsers();

    /** The format under test, as its parser names it. */
    abstract String format();

    /** The test reports of the format, by file name. */
    List<Path> reports() {
        URL dir = FormatTestSupport.class.getResource("/reports/" + format());
        assertThat(dir)
                .as("test reports of " + format() + " under src/test/resources/reports/" + format())
                .isNotNull();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path report(String name) {
        return reports().stream()
                .filter(p -> p.getFileName().toString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no test report " + format() + "/" + name));
    }

    /** Parses a test report with the format stated. */
    List<ParsedFinding> parse(String name) throws ReportFormatException {
        return parse(bytes(report(name)), format());
    }

    /** Parses a test report with the format detected from its content, checking it is this format. */
    List<ParsedFinding> parseDetected(String name) throws ReportFormatException {
        List<ParsedFinding> out = new ArrayList<>();
        String used = PARSERS.parse(null, new ByteArrayInputStream(bytes(report(name))), out::add);
        assertThat(used).as("detected format of " + name).isEqualTo(format());
        return out;
    }

    static List<ParsedFinding> parse(byte[] content, String format) throws ReportFormatException {
        List<ParsedFinding> out = new ArrayList<>();
        PARSERS.parse(format, new ByteArrayInputStream(content), out::add);
        return out;
    }

    static List<ParsedFinding> parseText(String content, String format) throws ReportFormatException {
        return parse(content.getBytes(StandardCharsets.UTF_8), format);
    }

    static ParsedFinding titled(List<ParsedFinding> findings, String title) {
        return findings.stream()
                .filter(f -> title.equals(f.title()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding titled '" + title + "' among "
                        + findings.stream().map(ParsedFinding::title).toList()));
    }

    static List<String> hosts(ParsedFinding f) {
        return f.locations().stream().map(Location::host).toList();
    }

    static int locations(List<ParsedFinding> findings) {
        return findings.stream().mapToInt(f -> f.locations().size()).sum();
    }

    @Test
    void everyWellFormedReportIsRecognisedAndParses() throws Exception {
        List<Path> wellFormed = reports().stream()
                .filter(p -> !p.getFileName().toString().startsWith("malformed"))
                .toList();
        assertThat(wellFormed).as("well-formed test reports of " + format()).hasSizeGreaterThanOrEqualTo(2);
        for (Path p : wellFormed) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(p))) {
                assertThat(FormatDetector.detect((BufferedInputStream) in))
                        .as(p.getFileName().toString())
                        .isEqualTo(format());
            }
            parseDetected(p.getFileName().toString());
        }
    }

    @Test
    void malformedReportsAreRejectedAsAWholeSayingWhere() {
        List<Path> malformed = reports().stream()
                .filter(p -> p.getFileName().toString().startsWith("malformed"))
                .toList();
        assertThat(malformed).as("malformed test reports of " + format()).isNotEmpty();
        for (Path p : malformed) {
            assertThatThrownBy(() -> parse(bytes(p), format()))
                    .as(p.getFileName().toString())
                    .isInstanceOf(ReportFormatException.class)
                    .satisfies(e -> assertThat(((ReportFormatException) e).where())
                            .as("where the problem is in " + p.getFileName())
                            .isNotBlank());
        }
    }

    @Test
    void anEmptyFileWithItsFormatStatedHasNoFindings() throws Exception {
        assertThat(parse(new byte[0], format())).isEmpty();
        assertThat(parseText(" \r\n\n", format())).isEmpty();
    }

    @Test
    void anEmptyFileWithoutAFormatCannotBeRecognised() {
        assertThatThrownBy(() -> parse(new byte[0], null))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("Empty file");
    }
}
