package vn.khien.vulnerabilities.scans;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded report as the import needs it: its name, size, a way to read it once and, for a multipart upload the
 * container already wrote to disk, a way to move that file to where the raw report is kept (issue 15: the upload is
 * written once, by the container, then renamed into the storage and parsed from there, never copied).
 */
public record Upload(
        String name, long size, Opener content, @Nullable Mover mover) {

    public Upload(String name, long size, Opener content) {
        this(name, size, content, null);
    }

    /** A multipart file: read through its stream, or moved into place with {@link MultipartFile#transferTo(File)}. */
    static Upload of(MultipartFile file) {
        return new Upload(
                Objects.requireNonNullElse(file.getOriginalFilename(), ""),
                file.getSize(),
                file::getInputStream,
                file::transferTo);
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** Puts the content at an absolute path (a rename when the container's file is on the same file system). */
    @FunctionalInterface
    public interface Mover {
        void moveTo(File target) throws IOException;
    }
}
