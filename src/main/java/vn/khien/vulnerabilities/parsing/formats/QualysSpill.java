package vn.khien.vulnerabilities.parsing.formats;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import vn.khien.vulnerabilities.parsing.ReportFormatException;

/**
 * Temporary on-disk queue of compact string tuples, for formats whose dictionary (Qualys
 * GLOSSARY) comes after the items that need it. Small inputs never touch the disk: the first
 * {@link #IN_MEMORY} items stay on the heap. Long text cells are cut to {@link #MAX_CELL} chars.
 */
final class QualysSpill implements AutoCloseable {
    static final int IN_MEMORY = 2_000;
    static final int MAX_CELL = 8_000;

    private final List<String[]> memory = new ArrayList<>();
    private @Nullable Path file;
    private @Nullable DataOutputStream out;
    private int width = -1;

    void write(String[] item) throws ReportFormatException {
        width = item.length;
        if (file == null && memory.size() < IN_MEMORY) {
            memory.add(item);
            return;
        }
        try {
            if (file == null || out == null) {
                file = Files.createTempFile("khien-qualys-", ".spill");
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
            }
            for (String s : item) {
                out.writeBoolean(s != null);
                if (s != null) out.writeUTF(s.length() > MAX_CELL ? s.substring(0, MAX_CELL) : s);
            }
        } catch (IOException e) {
            throw new ReportFormatException(
                    "Cannot buffer Qualys items to a temporary file: " + e.getMessage(), null, e);
        }
    }

    /** Returns all buffered items in order (memory first, then disk) and empties the queue. */
    Iterable<String[]> replay() throws ReportFormatException {
        List<String[]> head = new ArrayList<>(memory);
        memory.clear();
        if (file == null || out == null) return head; // both are set by the first write to disk
        try {
            out.close();
            out = null;
            DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
            Path toDelete = file;
            file = null;
            int w = width;
            return () -> new Iterator<String[]>() {
                private final Iterator<String[]> first = head.iterator();
                private String @Nullable [] next = advance();

                private String @Nullable [] advance() {
                    if (first.hasNext()) return first.next();
                    try {
                        String[] item = new String[w];
                        for (int i = 0; i < w; i++) item[i] = in.readBoolean() ? in.readUTF() : null;
                        return item;
                    } catch (EOFException e) {
                        closeQuietly();
                        return null;
                    } catch (IOException e) {
                        closeQuietly();
                        throw new UncheckedIOException(e);
                    }
                }

                private void closeQuietly() {
                    try {
                        in.close();
                        Files.deleteIfExists(toDelete);
                    } catch (IOException ignored) {
                        // temp file cleanup is best effort
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public String[] next() {
                    String[] r = next;
                    if (r == null) throw new NoSuchElementException();
                    next = advance();
                    return r;
                }
            };
        } catch (IOException e) {
            throw new ReportFormatException("Cannot read back buffered Qualys items: " + e.getMessage(), null, e);
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) out.close();
            if (file != null) Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
