package vn.khien.vulnerabilities.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken inputs: XXE, entity expansion, external DTDs, truncation, zip bombs. */
class ReportSafetyTest {

    private final ReportParsers parsers = new ReportParsers();

    private static InputStream resource(String name) {
        InputStream in = ReportSafetyTest.class.getResourceAsStream(name);
        assertThat(in).as("test resource " + name).isNotNull();
        return in;
    }

    private List<ParsedFinding> parse(String format, InputStream in) throws ReportFormatException {
        List<ParsedFinding> out = new ArrayList<>();
        parsers.parse(format, in, out::add);
        return out;
    }

    @Test
    void xxeFileEntityIsNeverResolved() {
        assertThatThrownBy(() -> parse("nessus", resource("xxe-file-entity.nessus")))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("xxe")
                .hasMessageNotContaining("root:");
    }

    @Test
    void xxeWithSecretFileNeverReadsTheSecret(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE NessusClientData_v2 [<!ENTITY s SYSTEM \""
                + secret.toUri() + "\">]>\n<NessusClientData_v2><Report><ReportHost name=\"h\">"
                + "<ReportItem port=\"1\" protocol=\"tcp\" severity=\"1\" pluginID=\"1\" pluginName=\"p\">"
                + "<description>&s;</description></ReportItem></ReportHost></Report></NessusClientData_v2>";
        List<ParsedFinding> seen = new ArrayList<>();
        assertThatThrownBy(() -> parsers.parse(null, stream(xml), seen::add))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageNotContaining("TOP-SECRET-VALUE");
        assertThat(seen).noneMatch(f -> String.valueOf(f.description()).contains("TOP-SECRET"));
    }

    @Test
    void billionLaughsIsRejectedWithoutExpansion() {
        assertThatThrownBy(() -> parse(null, resource("billion-laughs.nessus")))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("lol9");
    }

    @Test
    void externalDtdIsNotFetched() throws Exception {
        // 127.0.0.1:1 refuses connections: had the DTD been fetched, parsing would fail
        List<ParsedFinding> findings = parse(null, resource("external-dtd.nessus"));
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).title()).isEqualTo("External DTD probe");
    }

    @Test
    void externalDtdOnALiveServerIsNotRequested() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            server.setSoTimeout(300);
            AtomicInteger connections = new AtomicInteger();
            Thread t = new Thread(() -> {
                try {
                    server.accept().close();
                    connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // expected: nobody connects
                } catch (IOException ignored) {
                    // socket closed
                }
            });
            t.start();
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun SYSTEM \"http://127.0.0.1:" + server.getLocalPort()
                    + "/evil.dtd\">\n<nmaprun start=\"0\"><host><address addr=\"192.0.2.1\" addrtype=\"ipv4\"/>"
                    + "<ports><port protocol=\"tcp\" portid=\"22\"><state state=\"open\"/></port></ports></host></nmaprun>";
            assertThat(parse(null, stream(xml))).hasSize(1);
            t.join();
            assertThat(connections.get()).isZero();
        }
    }

    @Test
    void nulByteInDoctypeIsACleanError() {
        byte[] xml =
                "<?xml version=\"1.0\"?>\n<!DOCTYPE nmaprun [\u0000]>\n<nmaprun/>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parse("nmap", new ByteArrayInputStream(xml)))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("line");
    }

    @Test
    void truncatedXmlNamesThePosition() {
        assertThatThrownBy(() -> parse("nessus", resource("truncated.nessus")))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("line 10")
                .hasMessageContaining("element <description>");
    }

    @Test
    void truncatedJsonNamesLineAndPath() {
        assertThatThrownBy(() -> parse(null, resource("truncated.sarif")))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("line 8")
                .hasMessageContaining("JSON path '/runs/0/results/1");
    }

    @Test
    void missingRequiredFieldNamesFieldAndFinding() {
        assertThatThrownBy(() -> parse("generic", resource("generic-missing-title.json")))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("[title]")
                .hasMessageContaining("/findings/1");
    }

    @Test
    void unknownContentIsRejectedByDetection() {
        assertThatThrownBy(() -> parse(null, resource("not-a-report.txt")))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("Unsupported CSV report");
        assertThatThrownBy(() -> parse(null, stream("<html><body>hi</body></html>")))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("root element <html>");
        assertThatThrownBy(() -> parse(null, stream("")))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("Empty file");
    }

    @Test
    void wrongExplicitFormatIsRejected() {
        assertThatThrownBy(() -> parse("zap", resource("nmap-as-zap.xml")))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("Not a ZAP XML report")
                .hasMessageContaining("<nmaprun>");
        assertThatThrownBy(() -> parse("trivy", stream("{\"runs\": []}")))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("Not a Trivy report");
        assertThatThrownBy(() -> parse("openvas", stream("Name,Title\na,b\n")))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("CSV header");
        assertThatThrownBy(() -> parse("nessus-xml", stream("<x/>")))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("Unknown report format");
    }

    @Test
    void malformedCsvNamesTheLine() {
        String csv = "Title,Severity,Description\nok,Low,fine\n\"broken,Low,oops\n";
        assertThatThrownBy(() -> parse("generic", stream(csv)))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("CSV");
    }

    @Test
    void zipWithOneReportIsParsed() throws Exception {
        byte[] zip = zip(new String[] {"scan.xml"}, new byte[][] {readAll(resource("external-dtd.nessus"))});
        List<ParsedFinding> out = new ArrayList<>();
        assertThat(parsers.parse(null, new ByteArrayInputStream(zip), out::add)).isEqualTo("nessus");
        assertThat(out).hasSize(1);
    }

    @Test
    void zipWithTwoEntriesIsRejected() throws Exception {
        byte[] report = readAll(resource("external-dtd.nessus"));
        byte[] zip = zip(new String[] {"a.nessus", "b.nessus"}, new byte[][] {report, report});
        assertThatThrownBy(() -> parse(null, new ByteArrayInputStream(zip)))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("exactly one report")
                .hasMessageContaining("b.nessus");
    }

    @Test
    void zipBombIsRejectedByCompressionRatio() throws Exception {
        // 64 MiB of the same byte compresses ~1000:1; generated here, never committed
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("bomb.csv"));
            z.write("Title,Severity,Description\n".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) 'A');
            for (int i = 0; i < 64; i++) z.write(block);
            z.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> parse(null, new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("Zip bomb protection")
                .hasMessageContaining("compression ratio");
    }

    @Test
    void zipIsRejectedAboveTheSizeLimit() throws Exception {
        byte[] report = readAll(resource("external-dtd.nessus"));
        byte[] zip = zip(new String[] {"scan.nessus"}, new byte[][] {report});
        ZipReportUnpacker.Limits tiny = new ZipReportUnpacker.Limits(100, 1000, 0);
        assertThatThrownBy(() -> parsers.parse(null, new ByteArrayInputStream(zip), f -> {}, tiny))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("larger than 100 bytes");
    }

    @Test
    void sinkExceptionsPropagateUnchanged() {
        IllegalStateException boom = new IllegalStateException("database down");
        assertThatThrownBy(() -> parsers.parse(null, resource("external-dtd.nessus"), f -> {
                    throw boom;
                }))
                .isSameAs(boom);
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static byte[] zip(String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                z.putNextEntry(new ZipEntry(names[i]));
                z.write(contents[i]);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
