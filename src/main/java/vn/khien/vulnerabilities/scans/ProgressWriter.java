package vn.khien.vulnerabilities.scans;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a background import's progress (bytes of the raw report read, results stored) to its scan row in a short
 * transaction of its own, so that a poller on any node sees it while the import's own transaction is still open.
 * Throttled: a write when another {@code resultStep} results were stored or another 1 % (at least 1 MB) was read.
 * A failed write is logged and never stops the import.
 */
final class ProgressWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressWriter.class);

    private final ScanRepository scans;
    private final TransactionTemplate own;
    private final long scanId;
    private final long byteStep;
    private final int resultStep;
    private long bytes;
    private int results;
    private long writtenBytes;
    private int writtenResults;

    ProgressWriter(
            ScanRepository scans, PlatformTransactionManager transactions, long scanId, long size, int resultStep) {
        this.scans = scans;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.scanId = scanId;
        this.byteStep = Math.max(1024 * 1024, size / 100);
        this.resultStep = Math.max(1, resultStep);
    }

    InputStream track(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytes(n);
                }
                return n;
            }
        };
    }

    private void bytes(int n) {
        bytes += n;
        if (bytes - writtenBytes >= byteStep) {
            write();
        }
    }

    void results(int total) {
        results = total;
        if (results - writtenResults >= resultStep) {
            write();
        }
    }

    private void write() {
        writtenBytes = bytes;
        writtenResults = results;
        try {
            own.executeWithoutResult(s -> scans.progress(scanId, writtenBytes, writtenResults));
        } catch (RuntimeException e) {
            LOG.warn("Progress of scan {} not written: {}", scanId, e.getMessage());
        }
    }
}
