package vn.khien.vulnerabilities.parsing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Merges raw scanner items that the format treats as one finding (same plugin on several
 * hosts, same issue type on several URLs...). Trade-off: a merged finding is only complete at
 * end of input, so builders are held until {@link #emitAll}; memory grows with the number of
 * DISTINCT findings (plus their locations), not with file size. Insertion order is kept, so
 * output follows the first appearance of each finding.
 *
 * <p>With a {@link MergedPlaces} listener, each new finding is announced with its number (its rank in that order) and
 * each place added through {@link #addLocation} is passed on as it is read (ADR 0061).
 */
public final class FindingMerger<K> {
    private final Map<K, ParsedFinding.Builder> builders = new LinkedHashMap<>();
    private final @Nullable MergedPlaces places;
    private int announced;

    public FindingMerger() {
        this(null);
    }

    /** {@code places}: told each new finding and each place as read; null for none. */
    public FindingMerger(@Nullable MergedPlaces places) {
        this.places = places;
    }

    /** The builder for {@code key}, created by {@code factory} on first sight. */
    public ParsedFinding.Builder get(@Nullable K key, Supplier<ParsedFinding.Builder> factory) {
        ParsedFinding.Builder b = builders.get(key);
        if (b == null) {
            b = factory.get();
            builders.put(key, b);
            if (places != null) {
                b.mergedNumber = announced++;
                places.finding(b.mergedNumber, b.build());
            }
        }
        return b;
    }

    /** Adds a place to a finding of this merger, and tells the listener if there is one. */
    public void addLocation(ParsedFinding.Builder b, @Nullable Location place) {
        b.addLocation(place);
        if (places != null && place != null) {
            places.place(b.mergedNumber, place);
        }
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
