package vn.khien.vulnerabilities.parsing;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Registry of all report parsers by format name. Stateless and thread-safe; parsers keep all
 * per-report state on the stack of {@link ReportParser#parse}.
 *
 * <p>The parsers are found, not listed: every concrete {@link ReportParser} with a no-argument constructor under
 * {@value #FORMATS_PACKAGE} is one format, and declares its own {@link Recognition}. Adding a format is adding its
 * parser there, its test and its {@code reports/<format>/} test resources (ADR 0011).
 */
public final class ReportParsers {
    /** Where the format parsers live. */
    public static final String FORMATS_PACKAGE = "vn.khien.vulnerabilities.parsing.formats";

    private static volatile @Nullable List<ReportParser> discovered;

    private final Map<String, ReportParser> parsers = new LinkedHashMap<>();

    public ReportParsers() {
        for (ReportParser p : discovered()) {
            parsers.put(p.format(), p);
        }
    }

    /**
     * The parsers under {@value #FORMATS_PACKAGE}, by format name with the fallback recognitions (the generic format)
     * last; found once per class loader.
     */
    static List<ReportParser> discovered() {
        List<ReportParser> found = discovered;
        if (found == null) {
            found = scan();
            discovered = found;
        }
        return found;
    }

    private static List<ReportParser> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ReportParser.class));
        List<ReportParser> found = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(FORMATS_PACKAGE)) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName(), true, ReportParsers.class.getClassLoader());
                // Parsers are package-private in their folder: the scan reaches their no-argument constructor.
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                found.add((ReportParser) constructor.newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(
                        "Report parser " + candidate.getBeanClassName() + " needs a no-argument constructor",
                        e instanceof InvocationTargetException i ? i.getTargetException() : e);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("No report parser found under " + FORMATS_PACKAGE);
        }
        found.sort(Comparator.comparing((ReportParser p) -> p.recognition().fallback())
                .thenComparing(ReportParser::format));
        return List.copyOf(found);
    }

    /** A sink that wants to know the format (given or detected) before the first finding arrives. */
    public interface FormatAwareSink extends Consumer<ParsedFinding> {
        void format(String format);

        /** Told instead of any finding when the file (or the zip's report) is empty and its format was stated. */
        default void emptyReport() {}
    }

    /** Supported format names ("acunetix", "burp", ..., "generic" last). */
    public Set<String> formats() {
        return Collections.unmodifiableSet(parsers.keySet());
    }

    public ReportParser parser(String format) throws ReportFormatException {
        ReportParser p = parsers.get(format);
        if (p == null) {
            throw new ReportFormatException(
                    "Unknown report format '" + format + "'; supported: " + parsers.keySet(), null);
        }
        return p;
    }

    /**
     * Parses {@code in} with the named format, or detects the format from the content when
     * {@code format} is null or blank. Returns the format that was used.
     */
    public String parse(@Nullable String format, InputStream in, Consumer<ParsedFinding> sink)
            throws ReportFormatException {
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
    public String parse(
            @Nullable String format, InputStream in, Consumer<ParsedFinding> sink, ZipReportUnpacker.Limits zipLimits)
            throws ReportFormatException {
        BufferedInputStream b = Sniff.buffered(in);
        if (!ZipReportUnpacker.isZip(b)) {
            String f = format == null || format.isBlank() ? FormatDetector.detect(b) : format;
            ReportParser p = parser(f);
            if (sink instanceof FormatAwareSink s) {
                s.format(f);
            }
            if (!emptyWithStatedFormat(format, b, sink)) {
                run(p, b, sink);
            }
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
            if (!emptyWithStatedFormat(format, content, sink)) {
                run(p, content, sink);
            }
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
     * An empty file (nothing but white space) uploaded with its format stated is a report of zero findings, as the
     * reference importers read it (issue 9 point 22); without a stated format it stays an error (nothing to detect).
     */
    private static boolean emptyWithStatedFormat(
            @Nullable String format, BufferedInputStream in, Consumer<ParsedFinding> sink)
            throws ReportFormatException {
        if (format == null || format.isBlank() || !Sniff.head(in, 4096).isBlank()) {
            return false;
        }
        if (!Sniff.head(in, Sniff.HEAD_BYTES).isBlank()) {
            return false; // 4 KiB of blanks and then something: let the parser judge it
        }
        if (sink instanceof FormatAwareSink s) {
            s.emptyReport();
        }
        return true;
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
            if (sink instanceof MergedPlaces places) {
                p.parse(in, guarded, new GuardedPlaces(places));
            } else {
                p.parse(in, guarded);
            }
        } catch (SinkFailure e) {
            throw e.original;
        } catch (RuntimeException e) {
            throw new ReportFormatException("Unexpected content in " + p.format() + " report: " + e, null, e);
        }
    }

    /** The sink's place listener, its exceptions marked as the sink's. */
    private record GuardedPlaces(MergedPlaces places) implements MergedPlaces {
        @Override
        public void finding(int number, ParsedFinding first) {
            try {
                places.finding(number, first);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }

        @Override
        public void place(int number, Location place) {
            try {
                places.place(number, place);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
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
