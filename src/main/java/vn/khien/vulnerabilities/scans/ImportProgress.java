package vn.khien.vulnerabilities.scans;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Bytes read so far by running imports. Kept in memory because the import's own transaction is not visible to
 * pollers until it commits; a poller on another node sees 0 % until the scan completes (documented in the ADR).
 */
@Component
class ImportProgress {

    private final Map<Long, AtomicLong> running = new ConcurrentHashMap<>();

    InputStream track(long scanId, InputStream in) {
        AtomicLong counter = running.computeIfAbsent(scanId, id -> new AtomicLong());
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counter.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    counter.addAndGet(n);
                }
                return n;
            }
        };
    }

    long bytesRead(long scanId) {
        AtomicLong c = running.get(scanId);
        return c == null ? 0 : c.get();
    }

    void finished(long scanId) {
        running.remove(scanId);
    }
}
