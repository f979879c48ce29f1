package vn.khien.vulnerabilities.parsing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Merges raw scanner items that the format treats as one finding (same plugin on several
 * hosts, same issue type on several URLs...). Trade-off: a merged finding is only complete at
 * end of input, so builders are held until {@link #emitAll}; memory grows with the number of
 * DISTINCT findings (plus their locations), not with file size. Insertion order is kept, so
 * output follows the first appearance of each finding.
 */
public final class FindingMerger<K> {
    private final Map<K, ParsedFinding.Builder> builders = new LinkedHashMap<>();

    /** The builder for {@code key}, created by {@code factory} on first sight. */
    public ParsedFinding.Builder get(K key, Supplier<ParsedFinding.Builder> factory) {
        return builders.computeIfAbsent(key, k -> factory.get());
    }

    public boolean contains(K key) {
        return builders.containsKey(key);
    }

    public int size() {
        return builders.size();
    }

    public void emitAll(Consumer<ParsedFinding> sink) {
        for (ParsedFinding.Builder b : builders.values()) {
            sink.accept(b.build());
        }
        builders.clear();
    }
}
