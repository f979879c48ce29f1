package vn.khien.vulnerabilities.parsing;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Opens a .zip upload that must hold exactly ONE report, streaming (nothing is extracted to
 * disk). Zip-bomb protection: the uncompressed size and the ratio uncompressed/compressed are
 * checked while reading, against configurable {@link Limits}. A second file in the archive is
 * detected when the first one has been read ({@link Entry#finish()}).
 */
public final class ZipReportUnpacker {

    /**
     * @param maxUncompressedBytes upper bound on the report's size once decompressed
     * @param maxCompressionRatio  upper bound on uncompressed/compressed bytes; only enforced
     *                             after {@code ratioGraceBytes} so tiny, very compressible files pass
     * @param ratioGraceBytes      uncompressed bytes read before the ratio is enforced
     */
    public record Limits(long maxUncompressedBytes, double maxCompressionRatio, long ratioGraceBytes) {
        /** 2 GiB, ratio 100:1 after the first 1 MiB. Text reports compress ~10-30:1. */
        public static Limits defaults() {
            return new Limits(2L * 1024 * 1024 * 1024, 100.0, 1024 * 1024);
        }
    }

    private final Limits limits;

    public ZipReportUnpacker() {
        this(Limits.defaults());
    }

    public ZipReportUnpacker(Limits limits) {
        this.limits = limits;
    }

    /** True when the stream starts with the ZIP local-file-header magic "PK\3\4" (stream is reset). */
    public static boolean isZip(BufferedInputStream in) throws ReportFormatException {
        try {
            in.mark(4);
            byte[] b = new byte[4];
            int n = in.readNBytes(b, 0, 4);
            in.reset();
            return n == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        } catch (IOException e) {
            throw new ReportFormatException("Cannot read upload: " + e.getMessage(), "start of file", e);
        }
    }

    /** Positions on the single file entry of the archive. */
    public Entry open(InputStream zip) throws ReportFormatException {
        CountingStream raw = new CountingStream(zip);
        ZipInputStream z = new ZipInputStream(raw);
        try {
            ZipEntry e = nextFileEntry(z);
            if (e == null) {
                throw new ReportFormatException("The zip archive contains no report file", "zip archive");
            }
            if (e.getSize() > limits.maxUncompressedBytes()) {
                throw new ReportFormatException(
                        "The zip entry declares " + e.getSize() + " bytes, more than the allowed "
                                + limits.maxUncompressedBytes(),
                        "zip entry '" + e.getName() + "'");
            }
            return new Entry(e.getName(), z, raw);
        } catch (IOException ex) {
            throw new ReportFormatException("Not a readable zip archive: " + ex.getMessage(), "zip archive", ex);
        }
    }

    private static @Nullable ZipEntry nextFileEntry(ZipInputStream z) throws IOException {
        try {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (!e.isDirectory()) return e;
            }
            return null;
        } catch (IllegalArgumentException e) {
            // the JDK throws it for an entry name that is not valid UTF-8 (found by fuzzing)
            throw new ZipException("Invalid zip entry header: " + e.getMessage());
        }
    }

    /** The report inside the archive; read it via {@link #content()}, then call {@link #finish()}. */
    public final class Entry {
        private final String name;
        private final ZipInputStream zip;
        private final CountingStream raw;
        private final LimitedStream content;

        Entry(String name, ZipInputStream zip, CountingStream raw) {
            this.name = name;
            this.zip = zip;
            this.raw = raw;
            this.content = new LimitedStream(zip);
        }

        public String name() {
            return name;
        }

        public InputStream content() {
            return content;
        }

        /** The limit that was hit while reading, if any (parsers may wrap the IOException). */
        public @Nullable String violation() {
            return content.violation;
        }

        /** Verifies the archive holds no second file and that no limit was exceeded. */
        public void finish() throws ReportFormatException {
            if (content.violation != null) {
                throw new ReportFormatException(content.violation, "zip entry '" + name + "'");
            }
            try {
                content.transferTo(OutputStreamSink.INSTANCE); // drain what the parser did not need
                ZipEntry second = nextFileEntry(zip);
                if (second != null) {
                    throw new ReportFormatException(
                            "The zip archive must contain exactly one report, found also '" + second.getName() + "'",
                            "zip archive");
                }
            } catch (IOException e) {
                throw new ReportFormatException(
                        content.violation != null ? content.violation : "Corrupt zip archive: " + e.getMessage(),
                        "zip entry '" + name + "'",
                        e);
            }
        }

        /** Counts and limits the decompressed bytes of the entry. */
        private final class LimitedStream extends FilterInputStream {
            private long total;
            private @Nullable String violation;

            LimitedStream(InputStream in) {
                super(in);
            }

            /** Parsers may close their input at end of document; the archive must stay open for finish(). */
            @Override
            public void close() {
                // the Entry owns the zip stream
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (violation != null) throw new ZipException(violation);
                int n = super.read(b, off, len);
                if (n > 0) {
                    total += n;
                    check();
                }
                return n;
            }

            private void check() throws ZipException {
                if (total > limits.maxUncompressedBytes()) {
                    violation = "Zip bomb protection: the report is larger than " + limits.maxUncompressedBytes()
                            + " bytes once decompressed";
                } else if (total > limits.ratioGraceBytes()
                        && total > limits.maxCompressionRatio() * Math.max(1, raw.count)) {
                    violation = "Zip bomb protection: compression ratio above " + limits.maxCompressionRatio() + ":1 ("
                            + total + " bytes from " + raw.count + " compressed)";
                }
                if (violation != null) throw new ZipException(violation);
            }
        }
    }

    /** Counts compressed bytes consumed from the upload. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }

    /** Discards bytes (avoids allocating an OutputStream per drain). */
    private static final class OutputStreamSink extends OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discard
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discard
        }
    }
}
