package vn.khien.vulnerabilities.parsing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the untrusted-input contract (docs/adr/0007-fuzzing.md): for ANY bytes, parsing
 * completes or throws {@link ReportFormatException} — never another exception, never an Error (stack overflow,
 * out of memory from unbounded buffering), never a hang.
 *
 * <p>Under plain {@code mvn test} this runs in regression mode over the saved inputs in
 * {@code ReportParsersFuzzTestInputs/<method>/} (seeds and every crash found so far). {@code JAZZER_FUZZ=1} fuzzes.
 */
class ReportParsersFuzzTest {

    /** Same order as the registry; the first input byte picks one (modulo) in {@link #parseAs}. */
    static final List<String> FORMATS = List.of(
            "nessus",
            "openvas",
            "nuclei",
            "trivy",
            "sarif",
            "zap",
            "burp",
            "nmap",
            "qualys",
            "qualys_infrascan_webgui",
            "qualys_webapp",
            "acunetix",
            "generic");

    /** Small zip limits so bombs are rejected after a few KiB instead of costing fuzzing time. */
    private static final ZipReportUnpacker.Limits ZIP_LIMITS =
            new ZipReportUnpacker.Limits(256 * 1024, 50.0, 16 * 1024);

    private static final ReportParsers PARSERS = new ReportParsers();

    private static final Consumer<ParsedFinding> SINK = f -> {
        // touch the finding so lazily computed parts run too
        f.toString();
    };

    /**
     * The whole upload path: zip sniffing and unpacking, format detection, parsing. The registry turns a parser's
     * RuntimeException into "Unexpected content in ... report" as a last resort; reaching it is a parser bug at the
     * wrong depth (the user gets a stack-trace-like message), so it counts as a finding here.
     */
    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void detectAndParse(byte[] data) {
        try {
            PARSERS.parse(null, new ByteArrayInputStream(data), SINK, ZIP_LIMITS);
        } catch (ReportFormatException e) {
            checkClean(e);
        }
    }

    /** One named parser, called directly (no safety net): the first byte picks the format, the rest is the report. */
    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parseAs(byte[] data) throws ReportFormatException {
        if (data.length == 0) {
            return;
        }
        String format = FORMATS.get(Byte.toUnsignedInt(data[0]) % FORMATS.size());
        ReportParser parser = PARSERS.parser(format);
        try {
            parser.parse(new ByteArrayInputStream(Arrays.copyOfRange(data, 1, data.length)), SINK);
        } catch (ReportFormatException e) {
            checkClean(e);
        }
    }

    private static void checkClean(ReportFormatException e) {
        if (e.getMessage() == null || e.getMessage().startsWith("Unexpected content in ")) {
            throw new AssertionError("Parser bug surfaced through the registry's safety net", e);
        }
    }
}
