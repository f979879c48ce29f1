package vn.khien.vulnerabilities.scans;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code khien.reports.*}: where raw reports are kept (see docs/adr/0008).
 *
 * @param storage {@code local} (default: {@code khien.scans.reports-dir}) or {@code s3}
 * @param s3      the S3-compatible bucket used when {@code storage=s3}
 */
@ConfigurationProperties(prefix = "khien.reports")
public record ReportStorageProperties(String storage, S3 s3) {

    public ReportStorageProperties {
        storage =
                storage == null || storage.isBlank() ? "local" : storage.trim().toLowerCase(Locale.ROOT);
        s3 = s3 == null ? S3.UNSET : s3;
    }

    /**
     * An S3-compatible object store (MinIO, Ceph RGW, a government cloud, AWS).
     *
     * @param endpoint           e.g. {@code https://s3.agency.gov.vn}; empty for AWS itself
     * @param bucket             must exist; Khiên does not create it
     * @param region             signing region ({@code us-east-1} when the store does not care)
     * @param accessKey          with {@code secretKey}; both empty: the SDK's default chain (environment, profile, role)
     * @param secretKey          the secret of {@code accessKey}
     * @param pathStyle          {@code http://host/bucket/key} (default, what most on-premises stores expect) rather
     *                           than {@code http://bucket.host/key}
     * @param prefix             key prefix inside the bucket, e.g. {@code khien/reports/}
     * @param multipartThreshold reports of unknown size or larger than this are sent in parts
     * @param partSize           size of one part (at least 5 MB); one part is held in memory at a time
     */
    public record S3(
            @Nullable String endpoint,
            @Nullable String bucket,
            String region,
            @Nullable String accessKey,
            @Nullable String secretKey,
            Boolean pathStyle,
            String prefix,
            DataSize multipartThreshold,
            DataSize partSize) {

        private static final String DEFAULT_REGION = "us-east-1";
        private static final DataSize DEFAULT_MULTIPART_THRESHOLD = DataSize.ofGigabytes(4);
        private static final DataSize DEFAULT_PART_SIZE = DataSize.ofMegabytes(16);

        /** No {@code khien.reports.s3.*} set: every default. */
        static final S3 UNSET = new S3(
                null, null, DEFAULT_REGION, null, null, true, "", DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE);

        // Spring's binding passes null for a property not set: the defaults replace it.
        public S3 {
            region = region == null || region.isBlank() ? DEFAULT_REGION : region;
            pathStyle = pathStyle == null ? Boolean.TRUE : pathStyle;
            prefix = prefix == null ? "" : prefix;
            multipartThreshold = multipartThreshold == null ? DEFAULT_MULTIPART_THRESHOLD : multipartThreshold;
            partSize = partSize == null ? DEFAULT_PART_SIZE : partSize;
        }
    }
}
