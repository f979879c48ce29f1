package vn.khien.vulnerabilities.scans;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * Raw reports in a local directory ({@code khien.scans.reports-dir}, default ./data/reports), one file per upload
 * under a per-month folder. References are relative paths made by this class only, never from user input.
 */
class LocalReportStorage implements ReportStorage {

    private final Path root;

    public LocalReportStorage(ScanProperties properties) {
        this.root = properties.reportsDir().toAbsolutePath().normalize();
    }

    @Override
    public String store(String originalName, InputStream content) throws IOException {
        String reference = newReference(originalName);
        Path target = resolve(reference);
        Files.createDirectories(target.getParent());
        Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
        return reference;
    }

    /**
     * A multipart upload the container already wrote to disk is moved into place (a rename: the container's files
     * are written to {@code .incoming} inside this directory by {@link IncomingUploads}, so on the same file system); anything else is copied.
     */
    @Override
    public String store(Upload upload) throws IOException {
        Upload.Mover mover = upload.mover();
        if (mover == null) {
            return ReportStorage.super.store(upload);
        }
        String reference = newReference(upload.name());
        Path target = resolve(reference);
        Files.createDirectories(target.getParent());
        try {
            mover.moveTo(target.toFile());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return reference;
    }

    private static String newReference(String originalName) {
        LocalDate today = LocalDate.now();
        return today.getYear() + "/" + String.format("%02d", today.getMonthValue()) + "/" + UUID.randomUUID()
                + extension(originalName);
    }

    @Override
    public InputStream open(String reference) throws IOException {
        return Files.newInputStream(resolve(reference));
    }

    @Override
    public void delete(String reference) {
        if (reference == null) {
            return;
        }
        try {
            Files.deleteIfExists(resolve(reference));
        } catch (IOException e) {
            // A leftover file is harmless: nothing in the database points to it.
        }
    }

    private Path resolve(String reference) {
        Path p = root.resolve(reference).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("report reference outside the storage directory");
        }
        return p;
    }

    static String extension(String name) {
        if (name == null) {
            return ".report";
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".nessus", ".xml", ".json", ".jsonl", ".csv", ".sarif", ".zip"}) {
            if (n.endsWith(ext)) {
                return ext;
            }
        }
        return ".report";
    }
}
