package vn.khien.warnings.advisories;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.OrgScope;
import vn.khien.access.ScopeFilter;
import vn.khien.warnings.matching.AffectedJson;
import vn.khien.warnings.matching.AffectedProducts;

/**
 * Reading the advisory library: public reference data every signed-in person may read (ADR 0073); what the caller's
 * own register reports is read through the organisation scope.
 */
@Service
@Transactional(readOnly = true)
public class AdvisoryLibrary {

    private final AdvisoryStore store;
    private final OrgScope scope;

    AdvisoryLibrary(AdvisoryStore store, OrgScope scope) {
        this.store = store;
        this.scope = scope;
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

    /** The most advisories one page of the list shows. */
    public static final int PAGE_SIZE = 50;

    /**
     * The list's filters as the page reads them: {@code kind} KEV|NVD|CSAF|OSV|MISP, {@code cve} part of a CVE id (or
     * of the title or source key), {@code severity} CRITICAL|HIGH|MEDIUM|LOW, {@code kev} only CVEs listed in KEV,
     * {@code mine} only advisories of a CVE that an active finding of a system the caller sees reports,
     * {@code from}/{@code to} the publication day.
     */
    public record Query(
            @Nullable String kind,
            @Nullable String cve,
            @Nullable String severity,
            boolean kev,
            boolean mine,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            int page) {}

    /** One listed advisory; {@code mySystems}: the caller's visible systems whose active findings report its CVEs. */
    public record Listed(AdvisoryView advisory, boolean kev, int mySystems) {}

    /** One page of {@code total} advisories matching the query; {@code page} counts from 1. */
    public record Page(List<Listed> rows, long total, int page, int pageSize) {

        public long first() {
            return total == 0 ? 0 : (long) (page - 1) * pageSize + 1;
        }

        public long last() {
            return (long) (page - 1) * pageSize + rows.size();
        }

        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /**
     * One page of the library. Advisories are public reference data; only the "my systems" filter and figures read
     * the caller's own register, through the scope predicate in SQL.
     */
    public Page list(Query q) {
        ScopeFilter visible = scope.visible("so.path");
        Map<String, Set<Long>> mine = store.activeFindingCves(visible.sql(), visible.params());
        AdvisoryStore.Filter f = new AdvisoryStore.Filter(
                q.kind(), q.cve(), q.severity(), q.kev(), q.mine() ? mine.keySet() : null, q.from(), q.to());
        long total = store.count(f);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, q.page()), pages);
        List<Listed> rows = store.page(f, (page - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(l -> {
                    AdvisoryView v = view(l.row());
                    Set<Long> systems = new HashSet<>();
                    v.cves().forEach(c -> systems.addAll(mine.getOrDefault(c, Set.of())));
                    return new Listed(v, l.kev(), systems.size());
                })
                .toList();
        return new Page(rows, total, page, PAGE_SIZE);
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
