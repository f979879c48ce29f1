package vn.khien.vulnerabilities.parsing;

import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streaming parser for one scanner format. Implementations never load the whole report:
 * findings are pushed to {@code sink} as soon as they are complete (formats that merge items
 * inside one file emit at end of input, holding only one builder per distinct merge key).
 * The parser does not close {@code in}.
 */
public interface ReportParser {
    /** Format name as used by {@link ReportParsers}, e.g. "nessus". */
    String format();

    /** How this format's files are recognised from their first bytes (see {@link FormatDetector}). */
    Recognition recognition();

    void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException;

    /**
     * As {@link #parse(InputStream, Consumer)}, telling {@code places} the places of merged findings as they are read;
     * formats that do not announce them early ignore it (the default).
     */
    default void parse(InputStream in, Consumer<ParsedFinding> sink, MergedPlaces places) throws ReportFormatException {
        parse(in, sink);
    }
}
