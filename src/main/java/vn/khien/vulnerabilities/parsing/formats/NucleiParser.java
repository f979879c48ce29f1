package vn.khien.vulnerabilities.parsing.formats;

import java.io.InputStream;
import java.util.function.Consumer;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.ReportFormatException;
import vn.khien.vulnerabilities.parsing.ReportParser;

public final class NucleiParser implements ReportParser {
    @Override
    public String format() {
        return "nuclei";
    }

    @Override
    public void parse(InputStream in, Consumer<ParsedFinding> sink) throws ReportFormatException {
        throw new ReportFormatException("not implemented", null);
    }
}
