package vn.khien.audit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walks the whole chain in order and names the first record whose hash or link does not hold. */
@Service
class AuditChainVerifier {

    public static final String GENESIS = "0".repeat(64);

    public record Result(boolean intact, long recordsChecked, Long firstBrokenId, String reason) { }

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
            } else if (!ChainHash.of(r).equals(r.hash())) {
                broken.set(new Result(false, checked.get(), r.id(), "content"));
            }
            checked.incrementAndGet();
            expectedPrev.set(r.hash());
            expectedId.incrementAndGet();
        });
        if (broken.get() != null) {
            return broken.get();
        }
        String headHash = jdbc.sql("SELECT last_hash FROM audit_head WHERE id = 1").query(String.class).single();
        if (!headHash.equals(expectedPrev.get())) {
            // Records were removed from the end of the chain.
            return new Result(false, checked.get(), expectedId.get(), "truncated");
        }
        return new Result(true, checked.get(), null, null);
    }
}
