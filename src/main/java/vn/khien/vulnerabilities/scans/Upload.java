package vn.khien.vulnerabilities.scans;

import java.io.IOException;
import java.io.InputStream;

/** An uploaded report as the import needs it: its name, size and a way to read it once. */
public record Upload(String name, long size, Opener content) {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
