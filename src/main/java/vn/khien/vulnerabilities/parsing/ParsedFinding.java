package vn.khien.vulnerabilities.parsing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One finding as read from a scanner report, before any database de-duplication.
 *
 * <p>Fingerprint ({@link #fingerprint()}), hex SHA-256, stable across re-scans of the same system by the same tool:
 * the key the import layer uses to recognise "the same finding again". {@code ruleKey} is
 * {@link #vulnIdFromTool()} (plugin / NVT OID / template / rule / QID) or, when the tool gives none, the lower-cased
 * title.
 * <ul>
 * <li>Formats with one place per finding (OpenVAS, Qualys VM XML, Trivy, SARIF, generic JSON, Nessus CSV …):
 *     {@code toolName | ruleKey | firstLocationIdentity}; the location identity is {@code protocol://host:port/path}
 *     or {@code file:<path>} (line numbers and query strings excluded because they shift between scans).</li>
 * <li>Formats that merge every affected place of one rule into one finding (Nessus XML, Nmap, Burp, ZAP, Acunetix,
 *     Qualys WAS, Qualys VM CSV, Nuclei per host, generic CSV; {@link #mergedKey()} is true):
 *     {@code toolName | ruleKey | * | what else the format merges on}, without any location, so fixing the place
 *     that happened to come first does not turn the finding into a new one (see {@link Builder#mergedKey}).</li>
 * </ul>
 *
 * @param vulnerabilityIds CVE and other advisory ids (GHSA, KSV, ...); CVE ids of merged items
 *                         are appended in file order and may repeat (Nessus keeps duplicates)
 * @param cwes             CWE numbers, the primary one first
 * @param occurrences      number of raw scanner items merged into this finding, null if the
 *                         format does not merge and the report does not say
 * @param verified         null when the report does not say
 * @param staticFinding    true for code/dependency/container scanners, false for network/web
 */
public record ParsedFinding(
        String toolName,
        String title,
        Severity severity,
        List<String> vulnerabilityIds,
        List<Integer> cwes,
        @Nullable String cvssV3Vector,
        @Nullable Double cvssV3Score,
        @Nullable Double cvssV4Score,
        @Nullable Double epssScore,
        @Nullable Double epssPercentile,
        @Nullable String description,
        @Nullable String solution,
        @Nullable String impact,
        @Nullable String references,
        @Nullable String vulnIdFromTool,
        @Nullable String uniqueIdFromTool,
        String fingerprint,
        List<Location> locations,
        List<HttpExchange> exchanges,
        @Nullable String componentName,
        @Nullable String componentVersion,
        @Nullable String service,
        List<String> tags,
        @Nullable OffsetDateTime date,
        boolean active,
        @Nullable Boolean verified,
        boolean falsePositive,
        boolean riskAccepted,
        boolean mitigated,
        @Nullable OffsetDateTime mitigatedAt,
        @Nullable Boolean fixAvailable,
        @Nullable String fixVersion,
        @Nullable Integer occurrences,
        @Nullable Integer scannerConfidence,
        boolean staticFinding,
        boolean mergedKey) {

    /** Titles longer than this are cut (database column size; matches common importers). */
    public static final int MAX_TITLE = 250;

    public ParsedFinding {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        vulnerabilityIds = List.copyOf(vulnerabilityIds);
        cwes = List.copyOf(cwes);
        locations = List.copyOf(locations);
        exchanges = List.copyOf(exchanges);
        tags = List.copyOf(tags);
    }

    /** The primary CWE or null. */
    public @Nullable Integer cwe() {
        return cwes.isEmpty() ? null : cwes.get(0);
    }

    public static Builder builder(String toolName) {
        return new Builder(toolName);
    }

    /** Mutable accumulator; also used as the merge target when a format merges raw items. */
    public static final class Builder {
        private final String toolName;
        private @Nullable String title;
        private @Nullable Severity severity;
        private final List<String> vulnerabilityIds = new ArrayList<>();
        private final LinkedHashSet<Integer> cwes = new LinkedHashSet<>();
        private @Nullable String cvssV3Vector;
        private @Nullable Double cvssV3Score;
        private @Nullable Double cvssV4Score;
        private @Nullable Double epssScore;
        private @Nullable Double epssPercentile;
        private @Nullable String description;
        private @Nullable String solution;
        private @Nullable String impact;
        private @Nullable String references;
        private @Nullable String vulnIdFromTool;
        private @Nullable String uniqueIdFromTool;
        private @Nullable String fingerprint;
        private final List<Location> locations = new ArrayList<>();
        private final List<HttpExchange> exchanges = new ArrayList<>();
        private @Nullable String componentName;
        private @Nullable String componentVersion;
        private @Nullable String service;
        private final List<String> tags = new ArrayList<>();
        private @Nullable OffsetDateTime date;
        private boolean active = true;
        private @Nullable Boolean verified;
        private boolean falsePositive;
        private boolean riskAccepted;
        private boolean mitigated;
        private @Nullable OffsetDateTime mitigatedAt;
        private @Nullable Boolean fixAvailable;
        private @Nullable String fixVersion;
        private @Nullable Integer occurrences;
        private @Nullable Integer scannerConfidence;
        private boolean staticFinding;
        private @Nullable List<String> mergedKey;
        /** Its number among the findings a {@link FindingMerger} announced to its {@link MergedPlaces}. */
        int mergedNumber = -1;

        private Builder(String toolName) {
            this.toolName = toolName;
        }

        public Builder title(@Nullable String v) {
            this.title = v;
            return this;
        }

        public Builder severity(@Nullable Severity v) {
            this.severity = v;
            return this;
        }

        public @Nullable Severity severity() {
            return severity;
        }

        public @Nullable String title() {
            return title;
        }

        /** Adds an id unless blank; duplicates are kept on purpose (see record docs). */
        public Builder addVulnerabilityId(@Nullable String id) {
            if (id != null && !id.isBlank()) vulnerabilityIds.add(id.trim());
            return this;
        }

        public Builder addVulnerabilityIdOnce(@Nullable String id) {
            if (id != null && !id.isBlank() && !vulnerabilityIds.contains(id.trim())) vulnerabilityIds.add(id.trim());
            return this;
        }

        public Builder addCwe(@Nullable Integer cwe) {
            if (cwe != null && cwe > 0) cwes.add(cwe);
            return this;
        }

        /** Makes {@code cwe} the primary CWE, keeping the others behind it. */
        public Builder primaryCwe(@Nullable Integer cwe) {
            if (cwe != null && cwe > 0) {
                LinkedHashSet<Integer> rest = new LinkedHashSet<>(cwes);
                rest.remove(cwe);
                cwes.clear();
                cwes.add(cwe);
                cwes.addAll(rest);
            }
            return this;
        }

        public Builder cvssV3(@Nullable String vector, @Nullable Double score) {
            if (vector != null && !vector.isBlank()) this.cvssV3Vector = vector.trim();
            if (score != null) this.cvssV3Score = score;
            return this;
        }

        public Builder cvssV3Score(@Nullable Double v) {
            this.cvssV3Score = v;
            return this;
        }

        public Builder cvssV4Score(@Nullable Double v) {
            this.cvssV4Score = v;
            return this;
        }

        public Builder epss(@Nullable Double score, @Nullable Double percentile) {
            this.epssScore = score;
            this.epssPercentile = percentile;
            return this;
        }

        public Builder description(@Nullable String v) {
            this.description = v;
            return this;
        }
        /** Appends a paragraph (used when merged items each contribute a line of detail). */
        public Builder appendDescription(@Nullable String more) {
            if (more != null && !more.isEmpty()) {
                description = description == null || description.isEmpty() ? more : description + "\n" + more;
            }
            return this;
        }

        public Builder solution(@Nullable String v) {
            this.solution = v;
            return this;
        }

        public Builder impact(@Nullable String v) {
            this.impact = v;
            return this;
        }

        public Builder references(@Nullable String v) {
            this.references = v;
            return this;
        }

        public Builder vulnIdFromTool(@Nullable String v) {
            this.vulnIdFromTool = v;
            return this;
        }

        public Builder uniqueIdFromTool(@Nullable String v) {
            this.uniqueIdFromTool = v;
            return this;
        }

        public Builder fingerprint(@Nullable String v) {
            this.fingerprint = v;
            return this;
        }

        /**
         * Marks this finding as one the format merges over all its places: the fingerprint becomes tool + rule +
         * {@code distinguishing} (what, besides the rule, the format merges on: severity, port, site …), never a
         * location. Nulls are kept as empty parts.
         */
        public Builder mergedKey(@Nullable String... distinguishing) {
            List<String> parts = new ArrayList<>();
            for (String d : distinguishing) parts.add(d == null ? "" : d);
            this.mergedKey = parts;
            return this;
        }

        public Builder addLocation(@Nullable Location l) {
            if (l != null) locations.add(l);
            return this;
        }

        /** Adds the location unless an equal one is already attached. */
        public Builder addLocationOnce(@Nullable Location l) {
            if (l != null && !locations.contains(l)) locations.add(l);
            return this;
        }

        public Builder addExchange(@Nullable HttpExchange e) {
            if (e != null) exchanges.add(e);
            return this;
        }

        public Builder component(@Nullable String name, @Nullable String version) {
            this.componentName = name;
            this.componentVersion = version;
            return this;
        }

        public Builder service(@Nullable String v) {
            this.service = v;
            return this;
        }

        public Builder addTag(@Nullable String t) {
            if (t != null && !t.isBlank() && !tags.contains(t.trim())) tags.add(t.trim());
            return this;
        }

        public Builder date(@Nullable OffsetDateTime v) {
            this.date = v;
            return this;
        }

        public Builder active(boolean v) {
            this.active = v;
            return this;
        }

        public Builder verified(@Nullable Boolean v) {
            this.verified = v;
            return this;
        }

        public Builder falsePositive(boolean v) {
            this.falsePositive = v;
            return this;
        }

        public Builder riskAccepted(boolean v) {
            this.riskAccepted = v;
            return this;
        }

        public Builder mitigated(boolean v, @Nullable OffsetDateTime at) {
            this.mitigated = v;
            this.mitigatedAt = at;
            return this;
        }

        public Builder fix(@Nullable Boolean available, @Nullable String version) {
            this.fixAvailable = available;
            this.fixVersion = version;
            return this;
        }

        public Builder occurrences(@Nullable Integer v) {
            this.occurrences = v;
            return this;
        }

        public Builder scannerConfidence(@Nullable Integer v) {
            this.scannerConfidence = v;
            return this;
        }

        public Builder staticFinding(boolean v) {
            this.staticFinding = v;
            return this;
        }

        /** Counts one more merged raw item (starts at 1 for the first one). */
        public Builder countOccurrence() {
            occurrences = occurrences == null ? 1 : occurrences + 1;
            return this;
        }

        public ParsedFinding build() {
            String t = title == null || title.isBlank() ? "(untitled)" : title.strip();
            if (t.length() > MAX_TITLE) {
                t = t.substring(0, MAX_TITLE - 3) + "...";
            }
            Severity s = severity == null ? Severity.INFO : severity;
            String fp = fingerprint != null ? fingerprint : computeFingerprint(t);
            return new ParsedFinding(
                    toolName,
                    t,
                    s,
                    vulnerabilityIds,
                    new ArrayList<>(cwes),
                    cvssV3Vector,
                    cvssV3Score,
                    cvssV4Score,
                    epssScore,
                    epssPercentile,
                    description,
                    solution,
                    impact,
                    references,
                    vulnIdFromTool,
                    uniqueIdFromTool,
                    fp,
                    locations,
                    exchanges,
                    componentName,
                    componentVersion,
                    service,
                    tags,
                    date,
                    active,
                    verified,
                    falsePositive,
                    riskAccepted,
                    mitigated,
                    mitigatedAt,
                    fixAvailable,
                    fixVersion,
                    occurrences,
                    scannerConfidence,
                    staticFinding,
                    fingerprint == null && mergedKey != null);
        }

        private String computeFingerprint(String finalTitle) {
            String rule = ruleKey(vulnIdFromTool, finalTitle);
            if (mergedKey != null) {
                return mergedFingerprint(toolName, rule, mergedKey.toArray(new String[0]));
            }
            String where = locations.isEmpty() ? "" : locations.get(0).identity();
            return locationFingerprint(toolName, rule, where);
        }
    }

    /** The key of a merged finding: tool + rule + what else the format merges on, no place. */
    public static String mergedFingerprint(String toolName, String ruleKey, String... distinguishing) {
        return sha256(toolName + "|" + ruleKey + "|*|" + String.join("|", distinguishing));
    }

    /** The rule part of a fingerprint: the tool's id for the check, else the lower-cased title. */
    public static String ruleKey(@Nullable String vulnIdFromTool, @Nullable String title) {
        return vulnIdFromTool != null && !vulnIdFromTool.isBlank()
                ? vulnIdFromTool
                : title == null ? "(untitled)" : title.toLowerCase(Locale.ROOT);
    }

    /**
     * A fingerprint of tool + rule + one location identity: the key of single-place formats and the key every
     * finding had before merged formats got location-free keys (used to re-key such findings, see ImportRun).
     */
    public static String locationFingerprint(String toolName, String ruleKey, @Nullable String locationIdentity) {
        return sha256(toolName + "|" + ruleKey + "|" + (locationIdentity == null ? "" : locationIdentity));
    }

    static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
