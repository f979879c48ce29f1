package vn.khien.vulnerabilities.scans;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where raw reports are kept, linked to their scan by a reference. The local directory is the default; an
 * S3-compatible object store (MinIO, Ceph RGW, a government cloud; {@link S3ReportStorage}) is the other, chosen with
 * {@code khien.reports.storage}, so nothing outside this interface may assume a file system.
 */
public interface ReportStorage {

    /** Stores the stream under a new reference and returns it; the stream is read to its end. */
    String store(String originalName, InputStream content) throws IOException;

    /**
     * As {@link #store(String, InputStream)} when the size is known ({@code size < 0}: unknown), which lets an object
     * store stream the content in one request instead of in buffered parts.
     */
    default String store(String originalName, long size, InputStream content) throws IOException {
        return store(originalName, content);
    }

    /**
     * Stores an upload: by default its stream is read into the store; the local directory moves the container's file
     * into place instead when the upload can be moved (issue 15: no second copy of a large report).
     */
    default String store(Upload upload) throws IOException {
        try (InputStream in = upload.content().open()) {
            return store(upload.name(), upload.size(), in);
        }
    }

    InputStream open(String reference) throws IOException;

    /** Removes a report whose import was rolled back; unknown references are ignored. */
    void delete(String reference);
}
