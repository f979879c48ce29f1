package vn.khien.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khien.support.IntegrationTest;

/**
 * ADR 0077: the audit chain's head is locked only while a transaction's records are appended, just before it commits.
 * An audited transaction that goes on working after its record (as an import that reads the whole country's
 * findings did, issue 15) no longer holds another audited write behind it; the chain stays one chain, in the order
 * of the commits. Two threads on the real database (H2, and PostgreSQL with -Ppostgres).
 */
class ConcurrentAuditTransactionsTest extends IntegrationTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditChainVerifier chain;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLongAuditedTransactionDoesNotHoldAnotherAuditedWriteBehindIt() throws Exception {
        String marker = "long-" + UUID.randomUUID();
        CountDownLatch longRecorded = new CountDownLatch(1);
        CountDownLatch shortCommitted = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> longOne = other.submit(() -> tx.execute(s -> {
                audit.record(AuditEntry.of("TEST_LONG_TRANSACTION", null, "test", marker));
                longRecorded.countDown();
                try {
                    // the business work after the record: here, waiting for the other write to commit
                    return shortCommitted.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            assertThat(longRecorded.await(30, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            tx.executeWithoutResult(s -> audit.record(AuditEntry.of("TEST_SHORT_TRANSACTION", null, "test", marker)));
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            shortCommitted.countDown();

            assertThat(longOne.get(60, TimeUnit.SECONDS))
                    .as("the short audited write committed while the long one was still open")
                    .isTrue();
            assertThat(tookMs).as("the short audited write waited for nobody").isLessThan(10_000);
        } finally {
            other.shutdownNow();
        }

        List<String> inChainOrder = jdbc.sql("SELECT action FROM audit_event WHERE target_id = :m ORDER BY id")
                .param("m", marker)
                .query(String.class)
                .list();
        assertThat(inChainOrder)
                .as("one chain, in the order of the commits")
                .containsExactly("TEST_SHORT_TRANSACTION", "TEST_LONG_TRANSACTION");
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void theRecordsOfATransactionRolledBackAreNotInTheChain() {
        String marker = "rolled-back-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            audit.record(AuditEntry.of("TEST_ROLLED_BACK", null, "test", marker));
            s.setRollbackOnly();
        });
        tx.executeWithoutResult(s -> {
            audit.record(AuditEntry.of("TEST_COMMITTED_FIRST", null, "test", marker));
            audit.record(AuditEntry.of("TEST_COMMITTED_SECOND", null, "test", marker));
        });
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE target_id = :m ORDER BY id")
                        .param("m", marker)
                        .query(String.class)
                        .list())
                .containsExactly("TEST_COMMITTED_FIRST", "TEST_COMMITTED_SECOND");
        assertThat(chain.verify().intact()).isTrue();
    }
}
