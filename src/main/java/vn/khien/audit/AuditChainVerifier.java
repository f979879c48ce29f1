package vn.khien.audit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.ScopeFilter;

/** Walks the whole chain in order and names the first record whose hash or link does not hold. */
@Service
class AuditChainVerifier {

    public static final String GENESIS = "0".repeat(64);

    public record Result(
            boolean intact,
            long recordsChecked,
            @Nullable Long firstBrokenId,
            @Nullable String reason) {}

    private final JdbcClient jdbc;
    private final AuditRecords records;

    public AuditChainVerifier(JdbcClient jdbc, AuditRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    @Transactional(readOnly = true)
    public Result verify() {
        AtomicReference<String> expectedPrev = new AtomicReference<>(GENESIS);
        AtomicLong expectedId = new AtomicLong(1);
        AtomicLong checked = new AtomicLong();
        AtomicReference<Result> broken = new AtomicReference<>();
        records.streamAll(r -> {
            if (broken.get() != null) {
                return;
            }
            if (r.id() != expectedId.get()) {
                broken.set(new Result(false, checked.get(), expectedId.get(), "missing"));
            } else if (!r.prevHash().equals(expectedPrev.get())) {
                broken.set(new Result(false, checked.get(), r.id(), "link"));
            } else if (!ChainHash.of(r).equals(r.hash()) || !r.timePrecisionHolds()) {
                broken.set(new Result(false, checked.get(), r.id(), "content"));
            }
            checked.incrementAndGet();
            expectedPrev.set(r.hash());
            expectedId.incrementAndGet();
        });
        if (broken.get() != null) {
            return broken.get();
        }
        String headHash = jdbc.sql("SELECT last_hash FROM audit_head WHERE id = 1")
                .query(String.class)
                .single();
        if (!headHash.equals(expectedPrev.get())) {
            // Records were removed from the end of the chain.
            return new Result(false, checked.get(), expectedId.get(), "truncated");
        }
        return new Result(true, checked.get(), null, null);
    }

    /**
     * For an auditor: every record of the organisations they may audit is checked (its content against its hash, its
     * link against the hash of the record before it, whoever that record belongs to: only the hash is read).
     */
    @Transactional(readOnly = true)
    public Result verifySubtree(ScopeFilter scope) {
        AtomicLong checked = new AtomicLong();
        AtomicReference<Result> broken = new AtomicReference<>();
        jdbc.sql("SELECT a.*, p.hash AS pred_hash FROM audit_event a JOIN organization o ON o.id = a.organization_id"
                        + " LEFT JOIN audit_event p ON p.id = a.id - 1 WHERE " + scope.sql() + " ORDER BY a.id")
                .params(scope.params())
                .query((rs, n) -> {
                    if (broken.get() == null) {
                        AuditRecord r = AuditRecords.map(rs, n);
                        String pred = rs.getString("pred_hash");
                        String expectedPrev = r.id() == 1 ? GENESIS : pred;
                        if (expectedPrev == null) {
                            broken.set(new Result(false, checked.get(), r.id() - 1, "missing"));
                        } else if (!r.prevHash().equals(expectedPrev)) {
                            broken.set(new Result(false, checked.get(), r.id(), "link"));
                        } else if (!ChainHash.of(r).equals(r.hash()) || !r.timePrecisionHolds()) {
                            broken.set(new Result(false, checked.get(), r.id(), "content"));
                        }
                        checked.incrementAndGet();
                    }
                    return 0;
                })
                .list();
        return broken.get() != null ? broken.get() : new Result(true, checked.get(), null, null);
    }
}
