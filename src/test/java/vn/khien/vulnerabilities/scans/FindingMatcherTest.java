package vn.khien.vulnerabilities.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import vn.khien.vulnerabilities.findings.FindingStatus;
import vn.khien.vulnerabilities.findings.SlaDays;
import vn.khien.vulnerabilities.parsing.Location;
import vn.khien.vulnerabilities.parsing.ParsedFinding;
import vn.khien.vulnerabilities.parsing.Severity;

/** The import's in-memory decisions, without a database: a store that serves a given state and keeps the rows. */
class FindingMatcherTest {

    static final LocalDate SCAN_DATE = LocalDate.of(2026, 3, 1);
    static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");
    static final long SCAN = 77;

    /** Serves a fixed state for one tool and counts the loads; never writes (rows stay for the assertions). */
    static final class FakeStore implements FindingMatcher.Store {
        final List<FindingMatcher.StoredFinding> findings = new ArrayList<>();
        final List<String> firstPlaces = new ArrayList<>();
        final List<FindingMatcher.StoredLocation> locations = new ArrayList<>();
        long nextId = 1000;
        int loads;

        @Override
        public void load(
                String tool,
                String mergedScheme,
                Consumer<FindingMatcher.StoredFinding> f,
                Consumer<String> places,
                Consumer<FindingMatcher.StoredLocation> l) {
            loads++;
            findings.forEach(f);
            firstPlaces.forEach(places);
            locations.forEach(l);
        }

        @Override
        public long nextFindingId() {
            return nextId++;
        }

        @Override
        public void rowsAdded(ImportRows rows) {}
    }

    final FakeStore store = new FakeStore();
    final FindingMatcher matcher =
            new FindingMatcher(store, 5, SCAN, "nessus", SCAN_DATE, SlaDays.PLATFORM_DEFAULT, NOW);

    static ParsedFinding plugin(String id, Severity severity, String... hosts) {
        ParsedFinding.Builder b = ParsedFinding.builder("Nessus")
                .title("Plugin " + id)
                .vulnIdFromTool(id)
                .severity(severity)
                .mergedKey();
        for (String h : hosts) {
            b.addLocation(Location.endpoint(h, 443, "tcp"));
        }
        return b.build();
    }

    static String key(String host) {
        return FindingMatcher.locationKey(Location.endpoint(host, 443, "tcp"));
    }

    FindingMatcher.StoredFinding stored(long id, ParsedFinding f, FindingStatus status, LocalDate due) {
        return new FindingMatcher.StoredFinding(id, f.fingerprint(), status, 2, "nessus/merged", f.severity(), due);
    }

    @Test
    void aNewReportCreatesFindingsAndPlacesAndJoinsRepeatedFingerprints() {
        matcher.accept(plugin("1", Severity.HIGH, "10.0.0.1", "10.0.0.2"));
        matcher.accept(plugin("2", Severity.INFO, "10.0.0.1"));
        matcher.accept(plugin("1", Severity.HIGH, "10.0.0.3", "10.0.0.1"));

        ImportRows rows = matcher.rows();
        assertThat(rows.newFindings)
                .extracting(ImportRows.NewFinding::id, ImportRows.NewFinding::title)
                .containsExactly(Tuple.tuple(1000L, "Plugin 1"), Tuple.tuple(1001L, "Plugin 2"));
        ImportRows.NewFinding high = rows.newFindings.get(0);
        assertThat(high.dueDate()).as("high: 30 days").isEqualTo(SCAN_DATE.plusDays(30));
        assertThat(high.keyScheme()).isEqualTo("nessus/merged");
        assertThat(high.primaryHost()).isEqualTo("10.0.0.1");
        assertThat(rows.newFindings.get(1).dueDate()).as("info has no due date").isNull();
        assertThat(rows.newLocations)
                .extracting(ImportRows.NewLocation::findingId, ImportRows.NewLocation::host)
                .containsExactly(
                        Tuple.tuple(1000L, "10.0.0.1"),
                        Tuple.tuple(1000L, "10.0.0.2"),
                        Tuple.tuple(1001L, "10.0.0.1"),
                        Tuple.tuple(1000L, "10.0.0.3"));
        assertThat(rows.seen).isEmpty();
        assertThat(store.loads).as("the tool's state is loaded once").isEqualTo(1);
        assertThat(matcher.counts(0)).isEqualTo(new ImportCounts(3, 2, 0, 0, 0, 5));
    }

    @Test
    void aKnownFindingIsSeenAndAFixedOneReopened() {
        ParsedFinding open = plugin("1", Severity.MEDIUM, "10.0.0.1");
        ParsedFinding fixed = plugin("2", Severity.MEDIUM, "10.0.0.1");
        store.findings.add(stored(10, open, FindingStatus.OPEN, SCAN_DATE.plusDays(10)));
        store.findings.add(stored(11, fixed, FindingStatus.FIXED, null));
        store.locations.add(new FindingMatcher.StoredLocation(100, 10, key("10.0.0.1"), false));
        store.locations.add(new FindingMatcher.StoredLocation(101, 11, key("10.0.0.1"), true));

        matcher.accept(open);
        matcher.accept(fixed);

        ImportRows rows = matcher.rows();
        assertThat(rows.newFindings).isEmpty();
        assertThat(rows.newLocations).isEmpty();
        assertThat(rows.seen).extracting(ImportRows.Seen::findingId).containsExactly(10L, 11L);
        assertThat(rows.reopened).containsExactly(new ImportRows.Reopened(11, SCAN_DATE.plusDays(90), NOW));
        assertThat(rows.history)
                .containsExactly(
                        new ImportRows.StatusChange(11, FindingStatus.FIXED, FindingStatus.REOPENED, SCAN, NOW));
        assertThat(rows.locationChanges)
                .as("the fixed place is affected again")
                .containsExactly(new ImportRows.LocationChange(101, false, null));
        assertThat(matcher.counts(0)).isEqualTo(new ImportCounts(2, 0, 1, 0, 1, 2));
    }

    @Test
    void aRaisedSeverityShortensTheDueDateAndALoweredOneDoesNotLengthenIt() {
        ParsedFinding wasLow = plugin("1", Severity.LOW, "10.0.0.1");
        ParsedFinding wasHigh = plugin("2", Severity.HIGH, "10.0.0.1");
        store.findings.add(stored(10, wasLow, FindingStatus.OPEN, SCAN_DATE.plusDays(100)));
        store.findings.add(stored(11, wasHigh, FindingStatus.OPEN, SCAN_DATE.plusDays(5)));

        matcher.accept(plugin("1", Severity.CRITICAL, "10.0.0.1"));
        matcher.accept(plugin("2", Severity.LOW, "10.0.0.1"));

        assertThat(matcher.rows().severityChanges)
                .containsExactly(
                        new ImportRows.SeverityChange(10, Severity.CRITICAL, SCAN_DATE.plusDays(15)),
                        new ImportRows.SeverityChange(11, Severity.LOW, SCAN_DATE.plusDays(5)));
        assertThat(matcher.rows().severityHistory)
                .containsExactly(
                        new ImportRows.SeverityHistory(
                                10, FindingStatus.OPEN, Severity.LOW, Severity.CRITICAL, SCAN, NOW),
                        new ImportRows.SeverityHistory(11, FindingStatus.OPEN, Severity.HIGH, Severity.LOW, SCAN, NOW));
    }

    @Test
    void aFullScanClosesWhatItNoLongerReportsInItsOwnKeySchemeOnly() {
        ParsedFinding kept = plugin("1", Severity.MEDIUM, "10.0.0.1");
        ParsedFinding gone = plugin("2", Severity.MEDIUM, "10.0.0.1");
        ParsedFinding accepted = plugin("3", Severity.MEDIUM, "10.0.0.1");
        ParsedFinding otherScheme = plugin("4", Severity.MEDIUM, "10.0.0.1");
        store.findings.add(stored(10, kept, FindingStatus.OPEN, null));
        store.findings.add(stored(11, gone, FindingStatus.OPEN, null));
        store.findings.add(stored(12, accepted, FindingStatus.ACCEPTED_RISK, null));
        store.findings.add(new FindingMatcher.StoredFinding(
                13, otherScheme.fingerprint(), FindingStatus.OPEN, 2, "nessus/place", Severity.MEDIUM, null));
        store.locations.add(new FindingMatcher.StoredLocation(100, 10, key("10.0.0.1"), false));
        store.locations.add(new FindingMatcher.StoredLocation(101, 10, key("10.0.0.2"), false));
        store.locations.add(new FindingMatcher.StoredLocation(102, 11, key("10.0.0.1"), false));

        matcher.accept(kept);
        int closed = matcher.closeUnreported(Set.of());

        assertThat(closed).isEqualTo(2);
        ImportRows rows = matcher.rows();
        assertThat(rows.closed).extracting(ImportRows.Closed::findingId).containsExactlyInAnyOrder(11L, 12L);
        assertThat(rows.history)
                .extracting(ImportRows.StatusChange::findingId, ImportRows.StatusChange::from)
                .containsExactlyInAnyOrder(
                        Tuple.tuple(11L, FindingStatus.OPEN), Tuple.tuple(12L, FindingStatus.ACCEPTED_RISK));
        assertThat(rows.locationChanges)
                .as("unreported places of the same scheme are fixed by this scan")
                .containsExactlyInAnyOrder(
                        new ImportRows.LocationChange(101, true, SCAN), new ImportRows.LocationChange(102, true, SCAN));
    }

    @Test
    void anOldStyleKeyedFindingIsReKeyedInsteadOfOpenedAgain() {
        ParsedFinding f = plugin("1", Severity.MEDIUM, "10.0.0.1", "10.0.0.2");
        String place = Location.endpoint("10.0.0.1", 443, "tcp").identity();
        String oldKey = ParsedFinding.locationFingerprint("Nessus", "1", place);
        store.findings.add(new FindingMatcher.StoredFinding(
                10, oldKey, FindingStatus.OPEN, 1, "nessus/merged", Severity.MEDIUM, null));
        store.firstPlaces.add(place);
        store.locations.add(new FindingMatcher.StoredLocation(100, 10, key("10.0.0.1"), false));

        matcher.accept(f);

        ImportRows rows = matcher.rows();
        assertThat(rows.rekeyed).containsExactly(new ImportRows.Rekey(10, f.fingerprint()));
        assertThat(rows.newFindings).isEmpty();
        assertThat(rows.newLocations).extracting(ImportRows.NewLocation::host).containsExactly("10.0.0.2");
        assertThat(matcher.counts(0).unchanged()).isEqualTo(1);
    }

    @Test
    void placesAreKeyedWithoutQueryNorCaseOfTheHost() {
        assertThat(FindingMatcher.locationKey(Location.endpoint("WWW.Example.vn", 443, "https")))
                .isEqualTo("https://www.example.vn:443/");
        assertThat(FindingMatcher.locationKey(Location.file("src/A.java", 12))).isEqualTo("file:src/A.java:12");
    }
}
