package vn.khien.vulnerabilities.scans;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;

/** Background imports: a small fixed pool (see docs/adr/0008-scan-imports-in-the-background.md for why not a job store). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScanProperties.class, ReportStorageProperties.class})
@EnableScheduling
class ScanConfiguration {

    /** Raw reports: the local directory, or an S3-compatible bucket with {@code khien.reports.storage=s3}. */
    @Bean
    ReportStorage reportStorage(ReportStorageProperties reports, ScanProperties scans) {
        return switch (reports.storage()) {
            case "local" -> new LocalReportStorage(scans);
            case "s3" -> new S3ReportStorage(reports.s3());
            default ->
                throw new IllegalStateException(
                        "khien.reports.storage must be local or s3, not '" + reports.storage() + "'");
        };
    }

    /** Multipart uploads written next to the raw reports, so storing one is a rename (issue 15). */
    @Bean
    static IncomingUploads incomingUploads() {
        return new IncomingUploads();
    }

    /** The uploader's security context travels with the task, so the audit trail names who imported. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService scanImportExecutor(ScanProperties properties) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(properties.backgroundThreads(), r -> {
            Thread t = new Thread(r, "scan-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new DelegatingSecurityContextExecutorService(pool);
    }
}
