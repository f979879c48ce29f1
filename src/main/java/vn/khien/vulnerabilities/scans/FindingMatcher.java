package vn.khien.vulnerabilities.scans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.khien.vulnerabilities.findings.FindingStatus;
import vn.khien.vulnerabilities.findings.SlaDays;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.PreviousKeys;
import vn.khien.vulnerabilities.parsing.Severity;

/**
 * The in-memory half of an import: matches parsed findings against what the system already has for their tool and
 * decides every write as a named row ({@link ImportRows}); it runs no SQL. The state of a tool is asked of the
 * {@link Store} once, on the tool's first finding.
 *
 * <p>Matching: same system + same tool + same fingerprint is the same finding. A finding that is FIXED and reported
 * again is REOPENED; on a full scan, active findings (and accepted risks) no longer reported are FIXED by this scan,
 * and so are their locations. Locations are matched by {@link #locationKey}.
 *
 * <p>Re-keying (see V21): findings stored before merged formats got location-free fingerprints carry
 * {@code key_version = 1} and a key made of tool + rule + their first location. When a merged finding of this report
 * matches nothing, its old-style key is computed for each first location such findings have, and a finding found that
 * way takes the new key ({@code key_version = 2}). A finding matched directly is confirmed as version 2 as well.
 *
 * <p>Per-place findings of a format that now merges ({@link PreviousKeys#perPlaceSchemeBefore}: Qualys VM CSV, once
 * one finding per QID and host, now one per QID with a location per host; V159): each place of a merged finding is
 * looked up under the old per-place key. If the merged finding is new, the first such finding still OPEN or REOPENED
 * takes its key and scheme (keeping its history); every other active one is closed as merged into it, with the reason
 * in its history. Accepted risks and false positives found that way are left as people decided. A full scan also
 * closes the per-place findings whose QID and host it no longer reports, as for findings of its own scheme.
 */
final class FindingMatcher {

    /** finding.key_version written by this code: 2 = merged formats keyed without a location (V21). */
    static final int KEY_VERSION = 2;

    /** Where the matcher gets the stored state and finding ids, and hands its rows to be written. */
    interface Store {
        /**
         * Streams the findings of the system and tool, then (if some are still keyed the old way in
         * {@code mergedScheme}) the first place identity of each such finding, then all their locations.
         */
        void load(
                String tool,
                String mergedScheme,
                Consumer<StoredFinding> findings,
                Consumer<String> legacyFirstPlaces,
                Consumer<StoredLocation> locations);

        long nextFindingId();

        /** Told after rows were added: may write and clear them. */
        void rowsAdded(ImportRows rows);
    }

    /** A finding as stored before this import. */
    record StoredFinding(
            long id,
            String fingerprint,
            FindingStatus status,
            int keyVersion,
            @Nullable String keyScheme,
            Severity severity,
            @Nullable LocalDate dueDate) {}

    /** A place as stored before this import. */
    record StoredLocation(long id, long findingId, String locationKey, boolean fixed) {}

    /** A finding as stored before this scan (or created by it). */
    private static final class Known {
        final long id;
        final FindingStatus status;
        boolean seen;
        final boolean createdNow;

        @Nullable
        Severity severity;

        @Nullable
        LocalDate dueDate;

        @Nullable
        String scheme;

        Known(long id, FindingStatus status, boolean createdNow) {
            this.id = id;
            this.status = status;
            this.createdNow = createdNow;
        }
    }

    private static final class KnownLocation {
        final long id;
        final boolean fixed;
        boolean seen;

        KnownLocation(long id, boolean fixed) {
            this.id = id;
            this.fixed = fixed;
        }
    }

    private final Store store;
    private final ImportRows rows = new ImportRows();
    private final long systemId;
    private final long scanId;
    private final LocalDate scanDate;
    private final SlaDays sla;
    private final Instant now;
    private @Nullable String format;
    /** The key scheme of this report's findings (one per report), null while none was seen. */
    private @Nullable String reportScheme;

    private final Map<String, Map<String, Known>> knownByTool = new HashMap<>();
    /** Per tool: findings still keyed the old way (key_version 1) by their fingerprint, and their first places. */
    private final Map<String, Map<String, Known>> legacyByTool = new HashMap<>();

    /** Per tool: findings of the format's earlier per-place keying (see {@link PreviousKeys#perPlaceSchemeBefore}). */
    private final Map<String, Map<String, Known>> perPlaceByTool = new HashMap<>();

    private final Map<String, Set<String>> legacyFirstPlaces = new HashMap<>();
    private final Map<Long, Map<String, KnownLocation>> locationsByFinding = new HashMap<>();
    private int parsed;
    private int created;
    private int reopened;
    private int unchanged;
    private int locations;

    FindingMatcher(
            Store store,
            long systemId,
            long scanId,
            @Nullable String format,
            LocalDate scanDate,
            SlaDays sla,
            Instant now) {
        this.store = store;
        this.systemId = systemId;
        this.scanId = scanId;
        this.format = format;
        this.scanDate = scanDate;
        this.sla = sla;
        this.now = now;
    }

    /** The format, given or detected, told before the first finding (it decides the key scheme). */
    void format(String detected) {
        this.format = detected;
    }

    /** The rows decided and not yet written. */
    ImportRows rows() {
        return rows;
    }

    /** Number of results (places) taken so far. */
    int results() {
        return locations;
    }

    ImportCounts counts(int closed) {
        return new ImportCounts(parsed, created, reopened, closed, unchanged, locations);
    }

    Set<String> tools() {
        return knownByTool.keySet();
    }

    /** How this format keys this finding: re-keying stays within one scheme (V22). */
    private @Nullable String keyScheme(ParsedFinding f) {
        return format == null ? null : format + (f.mergedKey() ? "/merged" : "/place");
    }

    void accept(ParsedFinding f) {
        parsed++;
        if (reportScheme == null) {
            reportScheme = keyScheme(f);
        }
        String tool = f.toolName() == null ? "unknown" : f.toolName();
        Map<String, Known> known = knownFor(tool);
        Known k = known.get(f.fingerprint());
        if (k == null && f.mergedKey()) {
            k = rekeyFromPrevious(f, known);
            if (k == null) {
                k = rekey(tool, f, known);
            }
        } else if (k != null && !k.createdNow) {
            legacyByTool.getOrDefault(tool, Map.of()).remove(f.fingerprint());
        }
        List<Former> formerPlaces = formerPlaces(tool, f);
        if (k == null && !formerPlaces.isEmpty()) {
            k = takeOver(f, known, formerPlaces);
        }
        if (k == null) {
            k = create(tool, f);
            known.put(f.fingerprint(), k);
            created++;
        } else if (!k.seen) {
            k.seen = true;
            rows.seen.add(new ImportRows.Seen(k.id, scanDate, scanId));
            if (k.status == FindingStatus.FIXED) {
                reopen(k, f);
            } else {
                unchanged++;
            }
            if (k.severity != null && k.severity != f.severity()) {
                changeSeverity(k, f.severity());
            }
        }
        for (Former former : formerPlaces) {
            if (former.finding() != k) {
                mergeInto(former.finding(), k);
            }
        }
        // A report may list the same fingerprint twice (merged formats, duplicates): its locations join the first.
        matchLocations(k, f);
        store.rowsAdded(rows);
    }

    /**
     * The findings an earlier per-place keying of this format gave this merged finding's places, not yet dealt with
     * by this import, in the order of the places.
     */
    private List<Former> formerPlaces(String tool, ParsedFinding f) {
        Map<String, Known> perPlace = perPlaceByTool.getOrDefault(tool, Map.of());
        if (perPlace.isEmpty() || !f.mergedKey()) {
            return List.of();
        }
        List<Former> found = new ArrayList<>();
        for (String key : PreviousKeys.perPlace(f)) {
            Known k = perPlace.remove(key);
            if (k != null && !k.seen) {
                found.add(new Former(key, k));
            }
        }
        return found;
    }

    /** A finding of the earlier per-place keying, with the key it is stored under. */
    private record Former(String fingerprint, Known finding) {}

    /** The first active former per-place finding becomes this merged finding: new key, merged scheme; or null. */
    private @Nullable Known takeOver(ParsedFinding f, Map<String, Known> known, List<Former> formerPlaces) {
        for (Former former : formerPlaces) {
            Known k = former.finding();
            if (k.status.active()) {
                known.remove(former.fingerprint());
                known.put(f.fingerprint(), k);
                rows.rekeyed.add(new ImportRows.Rekey(k.id, f.fingerprint()));
                rows.schemeChanges.add(new ImportRows.SchemeChange(k.id, keyScheme(f)));
                k.scheme = keyScheme(f);
                return k;
            }
        }
        return null;
    }

    /**
     * A former per-place finding whose place is now a location of {@code into}: closed as merged when active, left
     * as people decided otherwise (accepted risk, false positive, fixed); either way this scan has dealt with it.
     */
    private void mergeInto(Known former, Known into) {
        former.seen = true;
        rows.seen.add(new ImportRows.Seen(former.id, scanDate, scanId));
        if (former.status.active()) {
            rows.merged.add(new ImportRows.Merged(former.id, into.id, former.status, scanId, scanDate, now));
        }
        // Its place lives on in the merged finding: a full scan must not mark it fixed here.
        locationsByFinding.getOrDefault(former.id, Map.of()).values().forEach(l -> l.seen = true);
    }

    /**
     * The scanner rates a known finding differently: it stays the same finding with the new severity, recorded in its
     * history. An active finding's due date becomes the earlier of the one it had and the new severity's SLA counted
     * from this scan, so a raised severity shortens the time left and a lowered one does not lengthen it.
     */
    private void changeSeverity(Known k, Severity to) {
        LocalDate due = k.dueDate;
        if (k.status == FindingStatus.FIXED) {
            due = sla.dueDate(to, scanDate); // reopened by this scan: as reopen() sets it
        } else if (k.status.active()) {
            LocalDate bySla = sla.dueDate(to, scanDate);
            due = due == null ? bySla : bySla == null ? due : bySla.isBefore(due) ? bySla : due;
        }
        rows.severityChanges.add(new ImportRows.SeverityChange(k.id, to, due));
        FindingStatus status = k.status == FindingStatus.FIXED ? FindingStatus.REOPENED : k.status;
        Severity from = Objects.requireNonNull(k.severity, "changed only from a known severity");
        rows.severityHistory.add(new ImportRows.SeverityHistory(k.id, status, from, to, scanId, now));
        k.severity = to;
    }

    /** A finding stored under a key an earlier version of the parser gave it (see {@link PreviousKeys}); or null. */
    private @Nullable Known rekeyFromPrevious(ParsedFinding f, Map<String, Known> known) {
        for (String previous : PreviousKeys.of(format, f)) {
            Known k = known.get(previous);
            if (k != null && !k.createdNow && !k.seen) {
                known.remove(previous);
                known.put(f.fingerprint(), k);
                rows.rekeyed.add(new ImportRows.Rekey(k.id, f.fingerprint()));
                return k;
            }
        }
        return null;
    }

    /** A finding stored under the old key (tool + rule + first location) of this merged finding, re-keyed; or null. */
    private @Nullable Known rekey(String tool, ParsedFinding f, Map<String, Known> known) {
        Map<String, Known> legacy = legacyByTool.getOrDefault(tool, Map.of());
        if (legacy.isEmpty()) {
            return null;
        }
        String rule = ParsedFinding.ruleKey(f.vulnIdFromTool(), f.title());
        for (String place : legacyFirstPlaces.getOrDefault(tool, Set.of())) {
            String old = ParsedFinding.locationFingerprint(tool, rule, place);
            Known k = legacy.remove(old);
            if (k != null) {
                known.remove(old);
                known.put(f.fingerprint(), k);
                rows.rekeyed.add(new ImportRows.Rekey(k.id, f.fingerprint()));
                return k;
            }
        }
        return null;
    }

    private Known create(String tool, ParsedFinding f) {
        long id = store.nextFindingId();
        rows.newFindings.add(newFinding(id, tool, f, f.fingerprint()));
        Known k = new Known(id, FindingStatus.OPEN, true);
        k.seen = true;
        k.severity = f.severity();
        k.scheme = keyScheme(f);
        locationsByFinding.put(id, new HashMap<>());
        return k;
    }

    /**
     * Whether the findings of {@code tool} may be written while the report is read, before they are complete (ADR
     * 0061): only when nothing was taken yet and the system has nothing of this tool to match, so every finding of
     * the report is new and every one of its places too.
     */
    boolean canWriteEarly(String tool) {
        return parsed == 0 && knownFor(tool).isEmpty() && locationsByFinding.isEmpty();
    }

    /** A finding written before its places are all read, under a provisional key; returns its id. */
    long createEarly(ParsedFinding first) {
        long id = store.nextFindingId();
        String tool = toolOf(first);
        rows.newFindings.add(newFinding(id, tool, first, "~early " + id));
        locationsByFinding.put(id, new HashMap<>());
        store.rowsAdded(rows);
        return id;
    }

    /** A place of a finding written early, as {@link #accept} would store it for a new finding. */
    void placeEarly(long findingId, Location place) {
        newPlace(
                findingId, Objects.requireNonNull(locationsByFinding.get(findingId), "places of a new finding"), place);
        store.rowsAdded(rows);
    }

    /**
     * The findings written early, now complete ({@code findings.get(i)} is the one of id {@code ids.get(i)}): each
     * gets its final columns, as {@link #accept} would have created it. False, and nothing done, when two of them end
     * with one key: {@link #accept} would have made them one finding, so the caller undoes the early writes and
     * imports the findings again through {@link #accept}.
     */
    boolean completeEarly(List<ParsedFinding> findings, List<Long> ids) {
        Set<String> keys = new HashSet<>();
        for (ParsedFinding f : findings) {
            if (!keys.add(toolOf(f) + "|" + f.fingerprint())) {
                return false;
            }
        }
        for (int i = 0; i < findings.size(); i++) {
            ParsedFinding f = findings.get(i);
            long id = ids.get(i);
            parsed++;
            created++;
            if (reportScheme == null) {
                reportScheme = keyScheme(f);
            }
            String tool = toolOf(f);
            Known k = new Known(id, FindingStatus.OPEN, true);
            k.seen = true;
            k.severity = f.severity();
            k.scheme = keyScheme(f);
            knownFor(tool).put(f.fingerprint(), k);
            rows.completed.add(new ImportRows.Completed(newFinding(id, tool, f, f.fingerprint())));
            store.rowsAdded(rows);
        }
        return true;
    }

    private static String toolOf(ParsedFinding f) {
        return f.toolName() == null ? "unknown" : f.toolName();
    }

    private ImportRows.NewFinding newFinding(long id, String tool, ParsedFinding f, String fingerprint) {
        Location first = f.locations().isEmpty() ? null : f.locations().get(0);
        return new ImportRows.NewFinding(
                id,
                systemId,
                cut(tool, 200),
                format,
                keyScheme(f),
                fingerprint,
                cut(f.title(), 300),
                f.severity(),
                joinIds(f.vulnerabilityIds()),
                cutOrNull(joinCwes(f.cwes()), 500),
                cutOrNull(f.cvssV3Vector(), 200),
                f.cvssV3Score(),
                f.description(),
                f.solution(),
                f.references(),
                cutOrNull(component(f), 500),
                first == null ? null : cutOrNull(first.host() != null ? first.host() : first.filePath(), 500),
                scanDate,
                sla.dueDate(f.severity(), scanDate),
                scanId,
                now);
    }

    private void reopen(Known k, ParsedFinding f) {
        reopened++;
        rows.reopened.add(new ImportRows.Reopened(k.id, sla.dueDate(f.severity(), scanDate), now));
        rows.history.add(new ImportRows.StatusChange(k.id, FindingStatus.FIXED, FindingStatus.REOPENED, scanId, now));
    }

    private void matchLocations(Known k, ParsedFinding f) {
        Map<String, KnownLocation> known = locationsByFinding.computeIfAbsent(k.id, id -> new HashMap<>());
        for (Location l : f.locations()) {
            KnownLocation kl = newPlace(k.id, known, l);
            if (kl.fixed && !kl.seen) {
                // The place is affected again.
                rows.locationChanges.add(new ImportRows.LocationChange(kl.id, false, null));
            }
            kl.seen = true;
        }
    }

    /** Counts a place of a finding; a new row when the finding does not have it yet. Returns the place. */
    private KnownLocation newPlace(long findingId, Map<String, KnownLocation> known, Location l) {
        locations++;
        String key = locationKey(l);
        KnownLocation kl = known.get(key);
        if (kl == null) {
            kl = new KnownLocation(-1, false);
            kl.seen = true;
            known.put(key, kl);
            rows.newLocations.add(new ImportRows.NewLocation(
                    findingId,
                    cut(key, 1000),
                    cutOrNull(l.host(), 500),
                    l.port(),
                    cutOrNull(l.protocol(), 40),
                    cutOrNull(l.path(), 2000),
                    cutOrNull(l.url(), 4000),
                    cutOrNull(l.filePath(), 2000),
                    l.line(),
                    scanId));
        }
        return kl;
    }

    /** Closes what a full scan no longer reports; call after the whole report parsed. Returns how many. */
    int closeUnreported(Set<String> fallbackTools) {
        Set<String> tools = new LinkedHashSet<>(knownByTool.keySet());
        if (tools.isEmpty()) {
            // An empty full scan still proves fixes for the tools that used this format before.
            tools.addAll(fallbackTools);
            tools.forEach(this::knownFor);
        }
        int closed = 0;
        for (String tool : tools) {
            for (Known k : knownFor(tool).values()) {
                // Only a report that keys findings the same way proves a fix: a Nessus XML scan does not close what a
                // Nessus CSV import found (same tool, other keys), nor the reverse. Unknown schemes stay closable.
                boolean sameScheme = k.scheme == null
                        || reportScheme == null
                        || k.scheme.equals(reportScheme)
                        || (reportScheme.endsWith("/merged") && k.scheme.equals(perPlaceScheme()));
                boolean closable = sameScheme && (k.status.active() || k.status == FindingStatus.ACCEPTED_RISK);
                if (!k.seen && closable) {
                    closed++;
                    rows.closed.add(new ImportRows.Closed(k.id, scanId, scanDate, now));
                    rows.history.add(new ImportRows.StatusChange(k.id, k.status, FindingStatus.FIXED, scanId, now));
                }
                for (KnownLocation kl : sameScheme
                        ? locationsByFinding.getOrDefault(k.id, Map.of()).values()
                        : List.<KnownLocation>of()) {
                    if (!kl.seen && !kl.fixed && kl.id > 0) {
                        rows.locationChanges.add(new ImportRows.LocationChange(kl.id, true, scanId));
                    }
                }
                store.rowsAdded(rows);
            }
        }
        return closed;
    }

    private Map<String, Known> knownFor(String tool) {
        return knownByTool.computeIfAbsent(tool, this::load);
    }

    /** The whole state of this system and tool, asked of the store once. */
    private Map<String, Known> load(String tool) {
        Map<String, Known> known = new HashMap<>();
        Map<String, Known> legacy = new HashMap<>();
        // Old-style keys are only re-keyed by an import that keys the same way (V22: Nessus CSV and XML share a tool).
        String mergedScheme = format == null ? "" : format + "/merged";
        String perPlaceScheme = perPlaceScheme();
        Map<String, Known> perPlace = new HashMap<>();
        Set<String> places = new LinkedHashSet<>();
        store.load(
                tool,
                mergedScheme,
                s -> {
                    Known k = new Known(s.id(), s.status(), false);
                    k.severity = s.severity();
                    k.scheme = s.keyScheme();
                    k.dueDate = s.dueDate();
                    known.put(s.fingerprint(), k);
                    if (s.keyVersion() < KEY_VERSION && mergedScheme.equals(s.keyScheme())) {
                        legacy.put(s.fingerprint(), k);
                    }
                    if (perPlaceScheme != null && perPlaceScheme.equals(s.keyScheme())) {
                        perPlace.put(s.fingerprint(), k);
                    }
                },
                places::add,
                l -> locationsByFinding
                        .computeIfAbsent(l.findingId(), id -> new HashMap<>())
                        .put(l.locationKey(), new KnownLocation(l.id(), l.fixed())));
        legacyByTool.put(tool, legacy);
        perPlaceByTool.put(tool, perPlace);
        if (!legacy.isEmpty()) {
            Set<String> withNone = new LinkedHashSet<>();
            withNone.add("");
            withNone.addAll(places);
            legacyFirstPlaces.put(tool, withNone);
        }
        return known;
    }

    /** The scheme of this format's findings of an earlier per-place keying that merged findings stand for; or null. */
    private @Nullable String perPlaceScheme() {
        return format == null ? null : PreviousKeys.perPlaceSchemeBefore(format);
    }

    /** Stable identity of a place: what a re-scan reports the same way (no query string for URLs). */
    static String locationKey(Location l) {
        if (l.filePath() != null) {
            return "file:" + l.filePath() + (l.line() == null ? "" : ":" + l.line());
        }
        return (l.protocol() == null ? "" : l.protocol()) + "://"
                + (l.host() == null ? "" : l.host().toLowerCase()) + ":" + (l.port() == null ? "" : l.port()) + "/"
                + (l.path() == null ? "" : l.path());
    }

    private static @Nullable String component(ParsedFinding f) {
        if (f.componentName() == null) {
            return null;
        }
        return f.componentVersion() == null ? f.componentName() : f.componentName() + " " + f.componentVersion();
    }

    /** Wrapped in commas so that {@code LIKE '%,CVE-2021-44228,%'} matches one identifier exactly. */
    private static @Nullable String joinIds(List<String> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        return "," + new LinkedHashSet<>(ids).stream().collect(Collectors.joining(",")) + ",";
    }

    private static @Nullable String joinCwes(List<Integer> cwes) {
        return cwes.isEmpty() ? null : cwes.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static @Nullable String cutOrNull(@Nullable String s, int max) {
        return s == null ? null : cut(s, max);
    }
}
