package vn.khien.warnings.advisories;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.warnings.matching.AffectedJson;
import vn.khien.warnings.matching.AffectedProducts;

/** Reading the advisory library (public reference data for every signed-in person). */
@Service
@Transactional(readOnly = true)
public class AdvisoryLibrary {

    private final AdvisoryStore store;

    AdvisoryLibrary(AdvisoryStore store) {
        this.store = store;
    }

    public record AdvisoryView(
            long id,
            String kind,
            String key,
            String title,
            String severity,
            List<String> cves,
            List<Map<String, Object>> affected,
            String source,
            LocalDate published) {}

    /** An advisory with its parsed products, for turning it into a warning. */
    public record Advisory(long id, String title, String severity, List<String> cves, AffectedProducts affected) {}

    public List<AdvisoryView> byCve(String cve) {
        return store.byCve(cve).stream().map(AdvisoryLibrary::view).toList();
    }

    public Optional<AdvisoryView> byId(long id) {
        return store.byId(id).map(AdvisoryLibrary::view);
    }

    public Optional<Advisory> advisory(long id) {
        return store.byId(id)
                .map(r ->
                        new Advisory(r.id(), r.title(), r.severity(), cves(r.cves()), AffectedJson.read(r.affected())));
    }

    /** The CSAF tests an advisory failed without being refused (ADR 0062), in the specification's order. */
    public List<CsafCheck> checks(long id) {
        return store.checks(id);
    }

    /** How many CSAF tests the advisory failed without being refused, those beyond the kept ones included. */
    public int checksTotal(long id) {
        return store.checksTotal(id);
    }

    public List<AdvisoryView> latest(String q, int limit) {
        return store.latest(q, limit).stream().map(AdvisoryLibrary::view).toList();
    }

    private static AdvisoryView view(AdvisoryStore.Row r) {
        return new AdvisoryView(
                r.id(),
                r.kind(),
                r.key(),
                r.title(),
                r.severity(),
                cves(r.cves()),
                AffectedJson.flat(AffectedJson.read(r.affected())),
                r.source(),
                r.published());
    }

    static List<String> cves(String wrapped) {
        return wrapped == null
                ? List.of()
                : Arrays.stream(wrapped.split(",")).filter(s -> !s.isEmpty()).toList();
    }
}
