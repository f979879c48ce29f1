package vn.khien.warnings.advisories;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** The CSAF 2.0 mandatory tests, for the tests of other packages (the validator itself is package-private). */
public final class CsafChecks {

    private CsafChecks() {}

    /** Each failed mandatory test as "test pointer: message"; empty when the document passes every test. */
    public static List<String> mandatoryFailures(JsonNode doc) {
        return CsafMandatoryTests.run(doc).stream()
                .map(v -> v.test() + " " + v.pointer() + ": " + v.message())
                .toList();
    }
}
