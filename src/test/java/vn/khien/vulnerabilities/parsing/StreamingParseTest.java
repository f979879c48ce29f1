package vn.khien.vulnerabilities.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Parses a large generated report that never exists as a whole in memory or on disk: the
 * generator produces bytes on demand. Only counts are asserted (no timing, no heap probes).
 */
class StreamingParseTest {

    private static final int HOSTS = 2_000;
    private static final int PLUGINS_PER_HOST = 100;

    @Test
    void largeNessusReportIsParsedInOnePass() throws Exception {
        AtomicInteger findings = new AtomicInteger();
        AtomicLong locations = new AtomicLong();
        GeneratedNessus in = new GeneratedNessus(HOSTS, PLUGINS_PER_HOST);
        String format = new ReportParsers().parse(null, in, f -> {
            findings.incrementAndGet();
            locations.addAndGet(f.locations().size());
        });
        assertThat(format).isEqualTo("nessus");
        // 200,000 ReportItems merge into one finding per plugin (same severity on every host)
        assertThat(findings.get()).isEqualTo(PLUGINS_PER_HOST);
        assertThat(locations.get()).isEqualTo((long) HOSTS * PLUGINS_PER_HOST);
        assertThat(in.bytesProduced()).isGreaterThan(50L * 1024 * 1024);
    }

    /** Emits a syntactically valid .nessus document chunk by chunk. */
    static final class GeneratedNessus extends InputStream {
        private final int hosts;
        private final int plugins;
        private int host = -1;
        private byte[] chunk = ("<?xml version=\"1.0\"?>\n<NessusClientData_v2><Report name=\"generated\">\n")
                .getBytes(StandardCharsets.UTF_8);
        private int pos;
        private boolean done;
        private long produced;

        GeneratedNessus(int hosts, int plugins) {
            this.hosts = hosts;
            this.plugins = plugins;
        }

        long bytesProduced() {
            return produced;
        }

        private boolean refill() {
            if (done) return false;
            host++;
            if (host == hosts) {
                chunk = "</Report></NessusClientData_v2>\n".getBytes(StandardCharsets.UTF_8);
                done = true;
            } else {
                StringBuilder b = new StringBuilder(plugins * 400);
                b.append("<ReportHost name=\"10.")
                        .append(host / 250)
                        .append('.')
                        .append(host % 250)
                        .append(".1\">")
                        .append("<HostProperties><tag name=\"host-ip\">10.0.0.1</tag></HostProperties>\n");
                for (int p = 0; p < plugins; p++) {
                    b.append("<ReportItem port=\"")
                            .append(1000 + p)
                            .append("\" svc_name=\"www\" protocol=\"tcp\" severity=\"")
                            .append(p % 5)
                            .append("\" pluginID=\"")
                            .append(10000 + p)
                            .append("\" pluginName=\"Plugin ")
                            .append(p)
                            .append("\"><synopsis>Generated synopsis for plugin ")
                            .append(p)
                            .append("</synopsis><description>")
                            .append("Generated description text. ".repeat(8))
                            .append("</description><solution>Upgrade.</solution></ReportItem>\n");
                }
                b.append("</ReportHost>\n");
                chunk = b.toString().getBytes(StandardCharsets.UTF_8);
            }
            pos = 0;
            return true;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            while (pos >= chunk.length) {
                if (!refill()) return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            produced += n;
            return n;
        }
    }
}
