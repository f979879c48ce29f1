package vn.khien.vulnerabilities.scans;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.khien.vulnerabilities.findings.FindingStatus;
import vn.khien.vulnerabilities.findings.SlaDays;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.PreviousKeys;
import vn.khien.vulnerabilities.parsing.ReportParsers;
import vn.khien.vulnerabilities.parsing.Severity;

/**
 * One import of one report into one system, inside the caller's transaction. Built for speed: the existing findings
 * and locations of the system and tool are loaded once into maps, parsed findings are matched in memory, and every
 * write goes out in JDBC batches of {@value #BATCH}; there is no SELECT per finding.
 *
 * <p>Matching: same system + same tool + same fingerprint is the same finding. A finding that is FIXED and reported
 * again is REOPENED; on a full scan, active findings (and accepted risks) no longer reported are FIXED by this scan,
 * and so are their locations. Locations are matched by {@link #locationKey}.
 *
 * <p>Re-keying (see V21): findings stored before merged formats got location-free fingerprints carry
 * {@code key_version = 1} and a key made of tool + rule + their first location. When a merged finding of this report
 * matches nothing, its old-style key is computed for each first location such findings have, and a finding found that
 * way takes the new key ({@code key_version = 2}). A finding matched directly is confirmed as version 2 as well.
 */
final class ImportRun implements ReportParsers.FormatAwareSink {

    static final int BATCH = 1000;
    // Typed parameters: with untyped nulls the driver would be asked for parameter metadata on every batch.
    private static final int B = Types.BIGINT;
    private static final int I = Types.INTEGER;
    private static final int V = Types.VARCHAR;
    private static final int D = Types.DOUBLE;
    private static final int DT = Types.DATE;
    private static final int TS = Types.TIMESTAMP;
    private static final int BOOL = Types.BOOLEAN;
    private static final int ID_BLOCK = 1000;
    /** finding.key_version written by this code: 2 = merged formats keyed without a location (V21). */
    static final int KEY_VERSION = 2;

    private final JdbcTemplate jdbc;
    private final long systemId;
    private final long scanId;
    private String format;
    /** The key scheme of this report's findings (one per report), null while none was seen. */
    private String reportScheme;
    private boolean emptyReport;
    private final LocalDate scanDate;
    private final SlaDays sla;
    private final Instant now;

    private final Map<String, Map<String, Known>> knownByTool = new HashMap<>();
    /** Per tool: findings still keyed the old way (key_version 1) by their fingerprint, and their first places. */
    private final Map<String, Map<String, Known>> legacyByTool = new HashMap<>();
    private final Map<String, Set<String>> legacyFirstPlaces = new HashMap<>();
    private final List<Object[]> rekeyed = new ArrayList<>();
    private final Map<Long, Map<String, KnownLocation>> locationsByFinding = new HashMap<>();
    private final List<Object[]> newFindings = new ArrayList<>();
    private final List<Object[]> newLocations = new ArrayList<>();
    private final List<Object[]> seenFindings = new ArrayList<>();
    private final List<Object[]> reopenedFindings = new ArrayList<>();
    private final List<Object[]> history = new ArrayList<>();
    private final List<Object[]> locationChanges = new ArrayList<>();
    private final List<Object[]> severityChanges = new ArrayList<>();
    private final List<Object[]> severityHistory = new ArrayList<>();
    private final boolean copyLocations;
    private java.util.function.IntConsumer resultsListener;
    private long nextId;
    private long idsLeft;
    private int parsed;
    private int created;
    private int reopened;
    private int unchanged;
    private int locations;

    /** A finding as stored before this scan (or created by it). */
    private static final class Known {
        final long id;
        final FindingStatus status;
        boolean seen;
        final boolean createdNow;
        Severity severity;
        LocalDate dueDate;
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

    ImportRun(JdbcTemplate jdbc, long systemId, long scanId, String format, LocalDate scanDate, SlaDays sla, Instant now) {
        this.jdbc = jdbc;
        this.systemId = systemId;
        this.scanId = scanId;
        this.format = format;
        this.scanDate = scanDate;
        this.sla = sla;
        this.now = now;
        this.copyLocations = LocationCopy.available(jdbc.getDataSource());
    }

    /** The format, given or detected, told by the parsers before the first finding (it decides the key scheme). */
    @Override
    public void format(String detected) {
        this.format = detected;
    }

    /** An empty file with its format stated: zero findings, and no proof that anything was fixed. */
    @Override
    public void emptyReport() {
        this.emptyReport = true;
    }

    /** Whether the report was an empty file (then even a full scan closes nothing). */
    boolean wasEmptyReport() {
        return emptyReport;
    }

    /** How this format keys this finding: re-keying stays within one scheme (V22). */
    private String keyScheme(ParsedFinding f) {
        return format == null ? null : format + (f.mergedKey() ? "/merged" : "/place");
    }

    @Override
    public void accept(ParsedFinding f) {
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
        if (k == null) {
            k = create(tool, f);
            known.put(f.fingerprint(), k);
            created++;
        } else if (!k.seen) {
            k.seen = true;
            seenFindings.add(new Object[] {Date.valueOf(scanDate), scanId, k.id});
            if (k.status == FindingStatus.FIXED) {
                reopen(k, f);
            } else {
                unchanged++;
            }
            if (k.severity != null && k.severity != f.severity()) {
                changeSeverity(k, f.severity());
            }
        }
        // A report may list the same fingerprint twice (merged formats, duplicates): its locations join the first.
        matchLocations(k, f);
        flushIfFull();
        if (resultsListener != null) {
            resultsListener.accept(locations);
        }
    }

    /** Told the number of results (places) taken so far after each finding. */
    void onResults(java.util.function.IntConsumer listener) {
        this.resultsListener = listener;
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
        severityChanges.add(new Object[] {to.name(), to.ordinal(), dateOrNull(due), k.id});
        FindingStatus now = k.status == FindingStatus.FIXED ? FindingStatus.REOPENED : k.status;
        severityHistory.add(new Object[] {k.id, now.name(), now.name(), k.severity.name(), to.name(), scanId,
                Timestamp.from(this.now)});
        k.severity = to;
    }

    /** A finding stored under a key an earlier version of the parser gave it (see {@link PreviousKeys}); or null. */
    private Known rekeyFromPrevious(ParsedFinding f, Map<String, Known> known) {
        for (String previous : PreviousKeys.of(format, f)) {
            Known k = known.get(previous);
            if (k != null && !k.createdNow && !k.seen) {
                known.remove(previous);
                known.put(f.fingerprint(), k);
                rekeyed.add(new Object[] {f.fingerprint(), k.id});
                return k;
            }
        }
        return null;
    }

    /** A finding stored under the old key (tool + rule + first location) of this merged finding, re-keyed; or null. */
    private Known rekey(String tool, ParsedFinding f, Map<String, Known> known) {
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
                rekeyed.add(new Object[] {f.fingerprint(), k.id});
                return k;
            }
        }
        return null;
    }

    private Known create(String tool, ParsedFinding f) {
        long id = nextFindingId();
        Location first = f.locations().isEmpty() ? null : f.locations().get(0);
        newFindings.add(new Object[] {id, systemId, cut(tool, 200), format, keyScheme(f), f.fingerprint(), cut(f.title(), 300),
                f.severity().name(), rank(f), joinIds(f.vulnerabilityIds()), cut(joinCwes(f.cwes()), 500),
                cut(f.cvssV3Vector(), 200), f.cvssV3Score(), f.description(), f.solution(), f.references(),
                cut(component(f), 500), first == null ? null : cut(first.host() != null ? first.host() : first.filePath(), 500),
                FindingStatus.OPEN.name(), Date.valueOf(scanDate), Date.valueOf(scanDate),
                dateOrNull(sla.dueDate(f.severity(), scanDate)), scanId, scanId, Timestamp.from(now)});
        Known k = new Known(id, FindingStatus.OPEN, true);
        k.seen = true;
        k.severity = f.severity();
        k.scheme = keyScheme(f);
        locationsByFinding.put(id, new HashMap<>());
        return k;
    }

    private void reopen(Known k, ParsedFinding f) {
        reopened++;
        reopenedFindings.add(new Object[] {dateOrNull(sla.dueDate(f.severity(), scanDate)), Timestamp.from(now), k.id});
        history.add(new Object[] {k.id, FindingStatus.FIXED.name(), FindingStatus.REOPENED.name(), scanId,
                Timestamp.from(now)});
    }

    private void matchLocations(Known k, ParsedFinding f) {
        Map<String, KnownLocation> known = locationsByFinding.computeIfAbsent(k.id, id -> new HashMap<>());
        for (Location l : f.locations()) {
            locations++;
            String key = locationKey(l);
            KnownLocation kl = known.get(key);
            if (kl == null) {
                kl = new KnownLocation(-1, false);
                known.put(key, kl);
                newLocations.add(new Object[] {k.id, cut(key, 1000), cut(l.host(), 500), l.port(), cut(l.protocol(), 40),
                        cut(l.path(), 2000), cut(l.url(), 4000), cut(l.filePath(), 2000), l.line(), scanId});
            } else if (kl.fixed && !kl.seen) {
                // The place is affected again.
                locationChanges.add(new Object[] {false, null, kl.id});
            }
            kl.seen = true;
        }
    }

    /** Closes what a full scan no longer reports; call after the whole report parsed. */
    int closeUnreported(Set<String> fallbackTools) {
        flush();
        Set<String> tools = new LinkedHashSet<>(knownByTool.keySet());
        if (tools.isEmpty()) {
            // An empty full scan still proves fixes for the tools that used this format before.
            tools.addAll(fallbackTools);
            tools.forEach(this::knownFor);
        }
        int closed = 0;
        List<Object[]> fixed = new ArrayList<>();
        for (String tool : tools) {
            for (Known k : knownFor(tool).values()) {
                // Only a report that keys findings the same way proves a fix: a Nessus XML scan does not close what a
                // Nessus CSV import found (same tool, other keys), nor the reverse. Unknown schemes stay closable.
                boolean sameScheme = k.scheme == null || reportScheme == null || k.scheme.equals(reportScheme);
                boolean closable = sameScheme && (k.status.active() || k.status == FindingStatus.ACCEPTED_RISK);
                if (!k.seen && closable) {
                    closed++;
                    fixed.add(new Object[] {scanId, Date.valueOf(scanDate), Timestamp.from(now), k.id});
                    history.add(new Object[] {k.id, k.status.name(), FindingStatus.FIXED.name(), scanId,
                            Timestamp.from(now)});
                }
                for (KnownLocation kl : sameScheme ? locationsByFinding.getOrDefault(k.id, Map.of()).values()
                        : List.<KnownLocation>of()) {
                    if (!kl.seen && !kl.fixed && kl.id > 0) {
                        locationChanges.add(new Object[] {true, scanId, kl.id});
                    }
                }
                if (fixed.size() >= BATCH) {
                    batch("UPDATE finding SET status = 'FIXED', closed_by_scan_id = ?, closed_on = ?, status_changed_at = ?"
                            + " WHERE id = ?", fixed, B, DT, TS, B);
                }
            }
        }
        batch("UPDATE finding SET status = 'FIXED', closed_by_scan_id = ?, closed_on = ?, status_changed_at = ?"
                + " WHERE id = ?", fixed, B, DT, TS, B);
        flush();
        return closed;
    }

    ImportCounts counts(int closed) {
        return new ImportCounts(parsed, created, reopened, closed, unchanged, locations);
    }

    Set<String> tools() {
        return knownByTool.keySet();
    }

    private Map<String, Known> knownFor(String tool) {
        return knownByTool.computeIfAbsent(tool, this::load);
    }

    /** One query for the findings and one for their locations: the whole state of this system and tool. */
    private Map<String, Known> load(String tool) {
        flush(); // rows created so far must be visible to the location query below
        Map<String, Known> known = new HashMap<>();
        Map<String, Known> legacy = new HashMap<>();
        // Streamed with a fetch size (the import runs in a transaction, so PostgreSQL uses a cursor): a system can
        // have hundreds of thousands of locations, which must not sit in the driver's buffers all at once.
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(5000);
        // Old-style keys are only re-keyed by an import that keys the same way (V22: Nessus CSV and XML share a tool).
        String mergedScheme = format == null ? "" : format + "/merged";
        streaming.query("""
                SELECT id, fingerprint, status, key_version, key_scheme, severity, due_date FROM finding
                WHERE system_id = ? AND tool = ?""", rs -> {
            Known k = new Known(rs.getLong(1), FindingStatus.valueOf(rs.getString(3)), false);
            k.severity = Severity.valueOf(rs.getString(6));
            k.scheme = rs.getString(5);
            Date due = rs.getDate(7);
            k.dueDate = due == null ? null : due.toLocalDate();
            known.put(rs.getString(2), k);
            if (rs.getInt(4) < KEY_VERSION && mergedScheme.equals(rs.getString(5))) {
                legacy.put(rs.getString(2), k);
            }
        }, systemId, tool);
        legacyByTool.put(tool, legacy);
        if (!legacy.isEmpty()) {
            // The first place of each old-style finding: its lowest location id (locations are inserted in report order).
            Set<String> places = new LinkedHashSet<>();
            places.add("");
            streaming.query("""
                    SELECT host, port, protocol, path, file_path FROM finding_location WHERE id IN (
                        SELECT MIN(l.id) FROM finding_location l JOIN finding f ON f.id = l.finding_id
                        WHERE f.system_id = ? AND f.tool = ? AND f.key_version < ? AND f.key_scheme = ?
                        GROUP BY l.finding_id)""", rs -> {
                Integer port = rs.getObject(2) == null ? null : rs.getInt(2);
                places.add(new Location(rs.getString(1), port, rs.getString(3), rs.getString(4), null, rs.getString(5),
                        null).identity());
            }, systemId, tool, KEY_VERSION, mergedScheme);
            legacyFirstPlaces.put(tool, places);
        }
        streaming.query("""
                SELECT l.id, l.finding_id, l.location_key, l.fixed FROM finding_location l
                JOIN finding f ON f.id = l.finding_id WHERE f.system_id = ? AND f.tool = ?""", rs -> {
            locationsByFinding.computeIfAbsent(rs.getLong(2), id -> new HashMap<>())
                    .put(rs.getString(3), new KnownLocation(rs.getLong(1), rs.getBoolean(4)));
        }, systemId, tool);
        return known;
    }

    private void flushIfFull() {
        if (newFindings.size() >= BATCH || newLocations.size() >= (copyLocations ? 10 * BATCH : BATCH)
                || seenFindings.size() >= BATCH
                || history.size() >= BATCH || locationChanges.size() >= BATCH || severityChanges.size() >= BATCH) {
            flush();
        }
    }

    void flush() {
        // Re-keyed first: a new finding of this batch may take the key a re-keyed one just left.
        batch("UPDATE finding SET fingerprint = ?, key_version = 2 WHERE id = ?", rekeyed, V, B);
        batch("""
                INSERT INTO finding (id, system_id, tool, format, key_scheme, fingerprint, title, severity, severity_rank,
                    cves, cwes, cvss_vector, cvss_score, description, solution, refs, component, primary_host, status,
                    first_seen, last_seen, due_date, first_scan_id, last_scan_id, status_changed_at, key_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2)""", newFindings,
                B, B, V, V, V, V, V, V, I, V, V, V, D, V, V, V, V, V, V, DT, DT, DT, B, B, TS);
        if (copyLocations && !newLocations.isEmpty()) {
            LocationCopy.copy(jdbc.getDataSource(), newLocations);
            newLocations.clear();
        }
        batch("""
                INSERT INTO finding_location (finding_id, location_key, host, port, protocol, path, url, file_path, line,
                    first_scan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", newLocations, B, V, V, I, V, V, V, V, I, B);
        batch("UPDATE finding SET last_seen = ?, last_scan_id = ?, key_version = 2 WHERE id = ?", seenFindings, DT, B, B);
        batch("""
                UPDATE finding SET status = 'REOPENED', due_date = ?, closed_by_scan_id = NULL, closed_on = NULL,
                    status_changed_at = ? WHERE id = ?""", reopenedFindings, DT, TS, B);
        batch("UPDATE finding_location SET fixed = ?, fixed_by_scan_id = ? WHERE id = ?", locationChanges, BOOL, B, B);
        batch("""
                INSERT INTO finding_history (finding_id, from_status, to_status, scan_id, changed_at)
                VALUES (?, ?, ?, ?, ?)""", history, B, V, V, B, TS);
        batch("UPDATE finding SET severity = ?, severity_rank = ?, due_date = ? WHERE id = ?", severityChanges,
                V, I, DT, B);
        batch("""
                INSERT INTO finding_history (finding_id, from_status, to_status, from_severity, to_severity, scan_id,
                    changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)""", severityHistory, B, V, V, V, V, B, TS);
    }

    private void batch(String sql, List<Object[]> rows, int... types) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, types);
            rows.clear();
        }
    }

    private long nextFindingId() {
        if (idsLeft == 0) {
            nextId = jdbc.queryForObject("SELECT nextval('finding_id_block')", Long.class);
            idsLeft = ID_BLOCK;
        }
        idsLeft--;
        return nextId++;
    }

    /** Stable identity of a place: what a re-scan reports the same way (no query string for URLs). */
    static String locationKey(Location l) {
        if (l.filePath() != null) {
            return "file:" + l.filePath() + (l.line() == null ? "" : ":" + l.line());
        }
        return (l.protocol() == null ? "" : l.protocol()) + "://" + (l.host() == null ? "" : l.host().toLowerCase())
                + ":" + (l.port() == null ? "" : l.port()) + "/" + (l.path() == null ? "" : l.path());
    }

    private static int rank(ParsedFinding f) {
        return f.severity().ordinal();
    }

    private static String component(ParsedFinding f) {
        if (f.componentName() == null) {
            return null;
        }
        return f.componentVersion() == null ? f.componentName() : f.componentName() + " " + f.componentVersion();
    }

    /** Wrapped in commas so that {@code LIKE '%,CVE-2021-44228,%'} matches one identifier exactly. */
    private static String joinIds(List<String> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        return "," + new LinkedHashSet<>(ids).stream().collect(Collectors.joining(",")) + ",";
    }

    private static String joinCwes(List<Integer> cwes) {
        return cwes.isEmpty() ? null : cwes.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Date dateOrNull(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}
