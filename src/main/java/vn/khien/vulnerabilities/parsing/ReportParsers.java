package vn.khien.vulnerabilities.parsing;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import vn.khien.vulnerabilities.parsing.formats.AcunetixParser;
import vn.khien.vulnerabilities.parsing.formats.BurpParser;
import vn.khien.vulnerabilities.parsing.formats.GenericParser;
import vn.khien.vulnerabilities.parsing.formats.NessusParser;
import vn.khien.vulnerabilities.parsing.formats.NmapParser;
import vn.khien.vulnerabilities.parsing.formats.NucleiParser;
import vn.khien.vulnerabilities.parsing.formats.OpenVasParser;
import vn.khien.vulnerabilities.parsing.formats.QualysInfrascanParser;
import vn.khien.vulnerabilities.parsing.formats.QualysParser;
import vn.khien.vulnerabilities.parsing.formats.QualysWebAppParser;
import vn.khien.vulnerabilities.parsing.formats.SarifParser;
import vn.khien.vulnerabilities.parsing.formats.TrivyParser;
import vn.khien.vulnerabilities.parsing.formats.ZapParser;

/**
 * Registry of all report parsers by format name. Stateless and thread-safe; parsers keep all
 * per-report state on the stack of {@link ReportParser#parse}.
 */
public final class ReportParsers {
    private final Map<String, ReportParser> parsers = new LinkedHashMap<>();

    public ReportParsers() {
        register(new NessusParser());
        register(new OpenVasParser());
        register(new NucleiParser());
        register(new TrivyParser());
        register(new SarifParser());
        register(new ZapParser());
        register(new BurpParser());
        register(new NmapParser());
        register(new QualysParser());
        register(new QualysInfrascanParser());
        register(new QualysWebAppParser());
        register(new AcunetixParser());
        register(new GenericParser());
    }

    /** A sink that wants to know the format (given or detected) before the first finding arrives. */
    public interface FormatAwareSink extends Consumer<ParsedFinding> {
        void format(String format);
    }

    private void register(ReportParser p) {
        parsers.put(p.format(), p);
    }

    /** Supported format names ("nessus", "openvas", "nuclei", "trivy", "sarif", ...). */
    public Set<String> formats() {
        return Collections.unmodifiableSet(parsers.keySet());
    }

    public ReportParser parser(String format) throws ReportFormatException {
        ReportParser p = parsers.get(format);
        if (p == null) {
            throw new ReportFormatException("Unknown report format '" + format + "'; supported: " + parsers.keySet(), null);
        }
        return p;
    }

    /**
     * Parses {@code in} with the named format, or detects the format from the content when
     * {@code format} is null or blank. Returns the format that was used.
     */
    public String parse(String format, InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        return parse(format, in, sink, ZipReportUnpacker.Limits.defaults());
    }

    /**
     * As {@link #parse(String, InputStream, Consumer)}; a .zip upload (detected by its magic
     * bytes) must contain exactly one report and is unpacked on the fly within {@code zipLimits}.
     *
     * <p>Contract for callers: findings are delivered while parsing; if this method throws,
     * the report is rejected as a whole and findings already received must be discarded
     * (run the import in one transaction).
     */
    public String parse(String format, InputStream in, Consumer<ParsedFinding> sink,
                        ZipReportUnpacker.Limits zipLimits) throws ReportFormatException {
        BufferedInputStream b = Sniff.buffered(in);
        if (!ZipReportUnpacker.isZip(b)) {
            String f = format == null || format.isBlank() ? FormatDetector.detect(b) : format;
            ReportParser p = parser(f);
            if (sink instanceof FormatAwareSink s) {
                s.format(f);
            }
            run(p, b, sink);
            return f;
        }
        ZipReportUnpacker.Entry entry = new ZipReportUnpacker(zipLimits).open(b);
        BufferedInputStream content = Sniff.buffered(entry.content());
        try {
            String f = format == null || format.isBlank() ? FormatDetector.detect(content) : format;
            ReportParser p = parser(f);
            if (sink instanceof FormatAwareSink s) {
                s.format(f);
            }
            run(p, content, sink);
            entry.finish();
            return f;
        } catch (ReportFormatException e) {
            if (entry.violation() != null) {
                // the parser saw a wrapped I/O error; report the real cause
                throw new ReportFormatException(entry.violation(), "zip entry '" + entry.name() + "'", e);
            }
            throw e;
        }
    }

    /**
     * Runs a parser so that an unexpected RuntimeException inside it (a parser bug on odd input)
     * still reaches the user as a clean rejection, while exceptions thrown by the caller's sink
     * (e.g. a database error) propagate unchanged.
     */
    private static void run(ReportParser p, InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        Consumer<ParsedFinding> guarded = f -> {
            try {
                sink.accept(f);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        };
        try {
            p.parse(in, guarded);
        } catch (SinkFailure e) {
            throw e.original;
        } catch (RuntimeException e) {
            throw new ReportFormatException("Unexpected content in " + p.format() + " report: " + e, null, e);
        }
    }

    /** Marks an exception thrown by the sink, not by the parser. */
    private static final class SinkFailure extends RuntimeException {
        final RuntimeException original;

        SinkFailure(RuntimeException original) {
            super(original.getMessage(), original, false, false);
            this.original = original;
        }
    }
}
