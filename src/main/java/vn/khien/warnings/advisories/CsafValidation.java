package vn.khien.warnings.advisories;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every CSAF 2.0 test Khiên runs on a document it reads (the advisory import and the VEX answer of a warning): the
 * mandatory tests of §6.1 ({@link CsafMandatoryTests}), split into those that refuse the document (they change what is
 * matched, ADR 0056) and those that are accepted and reported, then the optional (§6.2) and informative (§6.3) tests
 * of {@link CsafOptionalTests}, reported and never refusing (ADR 0062).
 */
public final class CsafValidation {

    /** At most this many accepted failures are kept with an advisory or shown; the rest are counted. */
    public static final int MAX_KEPT = 200;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CsafValidation() {}

    /**
     * The outcome: {@code refused} (empty when the document is accepted, capped, {@code refusedTotal} counts them all),
     * {@code accepted} the failures reported without refusing (capped at {@link #MAX_KEPT}, {@code acceptedTotal}
     * counts them all), in the specification's order.
     */
    public record Outcome(List<CsafCheck> refused, int refusedTotal, List<CsafCheck> accepted, int acceptedTotal) {

        public boolean isRefused() {
            return !refused.isEmpty();
        }
    }

    public static Outcome run(JsonNode doc) {
        List<CsafMandatoryTests.Violation> refused = new ArrayList<>();
        List<CsafCheck> accepted = new ArrayList<>();
        for (CsafMandatoryTests.Violation v : CsafMandatoryTests.run(doc)) {
            if (CsafMandatoryTests.REFUSED_ON_IMPORT.contains(v.test())) {
                refused.add(v);
            } else {
                accepted.add(check(v));
            }
        }
        CsafOptionalTests.run(doc).forEach(v -> accepted.add(check(v)));
        List<CsafCheck> refusedChecks = refused.stream()
                .limit(SchemaCheck.MAX_ERRORS)
                .map(CsafValidation::check)
                .toList();
        return new Outcome(
                refusedChecks,
                refused.size(),
                List.copyOf(accepted.subList(0, Math.min(accepted.size(), MAX_KEPT))),
                accepted.size());
    }

    /**
     * The tests of an uploaded VEX answer when it is a CSAF document ({@code document} at its root); empty for the
     * other VEX formats and for what is not a JSON object (the VEX reader says what is wrong with it).
     */
    public static Optional<Outcome> ofUpload(byte[] content) {
        JsonNode doc;
        try {
            doc = MAPPER.readTree(content);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        return doc != null && doc.isObject() && doc.has("document") ? Optional.of(run(doc)) : Optional.empty();
    }

    /** The accepted failures; throws {@link CsafMandatoryTests.Failed} when a refusing mandatory test fails. */
    static Outcome forImport(JsonNode doc) {
        Outcome o = run(doc);
        if (o.isRefused()) {
            List<CsafMandatoryTests.Violation> all = new ArrayList<>();
            o.refused().forEach(c -> all.add(new CsafMandatoryTests.Violation(c.test(), c.pointer(), c.message())));
            throw new CsafMandatoryTests.Failed(all, o.refusedTotal());
        }
        return o;
    }

    /** The accepted failures as the audit trail keeps them: test, level, JSON pointer, English message. */
    public static List<Map<String, String>> auditDetails(List<CsafCheck> checks) {
        List<Map<String, String>> out = new ArrayList<>();
        for (CsafCheck c : checks) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("test", c.test());
            m.put("level", c.level().name());
            m.put("pointer", c.place());
            m.put("message", c.message());
            out.add(m);
        }
        return out;
    }

    private static CsafCheck check(CsafMandatoryTests.Violation v) {
        return new CsafCheck(v.test(), CsafCheck.Level.of(v.test()), v.pointer(), v.message());
    }
}
