package vn.khien.vulnerabilities.scans;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Raw reports as objects in an S3-compatible bucket ({@code khien.reports.storage=s3}), so that every node of a
 * cluster reads the report any node received. A report of known size up to {@code multipart-threshold} is streamed in
 * one PUT with its length (the upload's temporary file is read once, never held in memory); a larger one, or one of
 * unknown size, goes up as a multipart upload, one part in memory at a time, and the upload is aborted on failure.
 * References are object keys made by this class only, never from user input.
 */
public class S3ReportStorage implements ReportStorage, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3ReportStorage.class);
    private static final long MIN_PART = 5L * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final long multipartThreshold;
    private final int partSize;

    public S3ReportStorage(ReportStorageProperties.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("khien.reports.storage=s3 needs a bucket: set KHIEN_REPORTS_S3_BUCKET");
        }
        this.s3 = client(settings);
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
        this.multipartThreshold = settings.multipartThreshold().toBytes();
        this.partSize = (int) Math.min(Math.max(settings.partSize().toBytes(), MIN_PART), 512L * 1024 * 1024);
    }

    /** The SDK client for these settings (public for tests that inspect the bucket). */
    public static S3Client client(ReportStorageProperties.S3 settings) {
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // The SDK's newer default (a CRC checksum on every request, sent as a trailer) is not understood by
                // every S3-compatible store; only send checksums where the operation requires one.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            b.endpointOverride(URI.create(settings.endpoint().trim()));
        }
        b.credentialsProvider(credentials(settings));
        return b.build();
    }

    private static AwsCredentialsProvider credentials(ReportStorageProperties.S3 settings) {
        boolean hasKey = settings.accessKey() != null && !settings.accessKey().isBlank();
        if (!hasKey) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }

    @Override
    public String store(String originalName, InputStream content) throws IOException {
        return store(originalName, -1, content);
    }

    @Override
    public String store(String originalName, long size, InputStream content) throws IOException {
        LocalDate today = LocalDate.now();
        String reference = today.getYear() + "/" + String.format("%02d", today.getMonthValue()) + "/"
                + UUID.randomUUID() + LocalReportStorage.extension(originalName);
        String key = prefix + reference;
        try {
            if (size >= 0 && size <= multipartThreshold) {
                s3.putObject(
                        r -> r.bucket(bucket).key(key).contentLength(size).contentType("application/octet-stream"),
                        RequestBody.fromInputStream(content, size));
            } else {
                multipart(key, content);
            }
        } catch (SdkException e) {
            throw new IOException("could not store the report in bucket " + bucket + ": " + e.getMessage(), e);
        }
        return reference;
    }

    private void multipart(String key, InputStream content) throws IOException {
        String uploadId = s3.createMultipartUpload(
                        r -> r.bucket(bucket).key(key).contentType("application/octet-stream"))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[partSize];
            int number = 1;
            while (true) {
                int n = content.readNBytes(buffer, 0, buffer.length);
                if (n == 0 && number > 1) {
                    break;
                }
                int partNumber = number;
                String etag = s3.uploadPart(
                                r -> r.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(partNumber)
                                        .contentLength((long) n),
                                RequestBody.fromBytes(n == buffer.length ? buffer : Arrays.copyOf(buffer, n)))
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(etag)
                        .build());
                number++;
                if (n < buffer.length) {
                    break;
                }
            }
            s3.completeMultipartUpload(
                    r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException abort) {
                e.addSuppressed(abort);
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String reference) throws IOException {
        try {
            return s3.getObject(r -> r.bucket(bucket).key(key(reference)));
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("report " + reference + " is not in bucket " + bucket);
        } catch (SdkException e) {
            throw new IOException(
                    "could not read report " + reference + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String reference) {
        if (reference == null) {
            return;
        }
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key(reference)));
        } catch (SdkException e) {
            // A leftover object is harmless: nothing in the database points to it.
            LOG.warn("Could not delete report {} from bucket {}: {}", reference, bucket, e.getMessage());
        }
    }

    /** The object key of a reference; references are ours, but a stored value is still checked. */
    String key(String reference) {
        if (reference.startsWith("/") || reference.contains("..") || reference.contains("\\")) {
            throw new IllegalArgumentException("report reference outside the storage prefix");
        }
        return prefix + reference;
    }

    @Override
    public void close() {
        s3.close();
    }
}
