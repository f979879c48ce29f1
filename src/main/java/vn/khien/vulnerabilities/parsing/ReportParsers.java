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
        BufferedInputStream b = Sniff.buffered(in);
        String f = format == null || format.isBlank() ? FormatDetector.detect(b) : format;
        parser(f).parse(b, sink);
        return f;
    }
}
