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
        LocalDate today = LocalDate.now();
        String reference = today.getYear() + "/" + String.format("%02d", today.getMonthValue()) + "/"
                + UUID.randomUUID() + extension(originalName);
        Path target = resolve(reference);
        Files.createDirectories(target.getParent());
        Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
        return reference;
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
