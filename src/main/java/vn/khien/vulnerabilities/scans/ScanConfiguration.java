package vn.khien.vulnerabilities.scans;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;

/** Background imports: a small fixed pool (see docs/adr/0004-background-scan-imports.md for why not a job store). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScanProperties.class)
@org.springframework.scheduling.annotation.EnableScheduling
public class ScanConfiguration {

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
