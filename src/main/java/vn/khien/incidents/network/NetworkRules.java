package vn.khien.incidents.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The duties of a member of the incident-response network as rule data ({@code rules/incidents/network-duties.yaml}):
 * who is a member, the fields of Biểu mẫu 01 and how often it is updated, how soon a contact-point change is reported,
 * and the periods and last days of the Biểu mẫu 05 reports. Every limit carries its legal source.
 */
final class NetworkRules {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    public record Field(String key, boolean required, String vi, String en, String source) {
        public String label(boolean english) {
            return english ? en : vi;
        }
    }

    enum ReportKind {
        SEMIANNUAL,
        ANNUAL
    }

    record ReportRule(
            ReportKind kind,
            MonthDay before,
            MonthDay from,
            boolean fromPreviousYear,
            MonthDay to,
            String vi,
            String en,
            String reportsPeriod) {
        String name(boolean english) {
            return english ? en : vi;
        }
    }

    /** One report owed: the period it covers and the last day it is on time. */
    record ReportPeriod(ReportKind kind, int year, LocalDate from, LocalDate to, LocalDate lastDayOnTime) {
        /** On time when submitted (in Vietnam's time) on or before the last day. */
        boolean onTime(Instant submittedAt) {
            return !submittedAt.atZone(VN).toLocalDate().isAfter(lastDayOnTime);
        }
    }

    private final Set<String> memberKinds;
    private final String membersSource;
    private final String profileForm;
    private final String profileFormVersion;
    private final String profileTitleVi;
    private final String profileSource;
    private final Period profileEvery;
    private final boolean profileUnconfirmed;
    private final List<Field> fields;
    private final Duration contactReportWithin;
    private final String contactSource;
    private final String reportForm;
    private final String reportSource;
    private final String periodSource;
    private final String reportsKind;
    private final List<ReportRule> reports;

    @SuppressWarnings("unchecked")
    NetworkRules(Map<String, Object> root) {
        Map<String, Object> members = (Map<String, Object>) root.get("members");
        memberKinds = Set.copyOf((List<String>) members.get("orgKinds"));
        membersSource = (String) members.get("legalSource");
        Map<String, Object> profile = (Map<String, Object>) root.get("profile");
        profileForm = (String) profile.get("form");
        profileFormVersion = (String) profile.get("formVersion");
        profileTitleVi = (String) ((Map<String, Object>) profile.get("title")).get("vi");
        profileSource = (String) profile.get("legalSource");
        profileEvery = Period.parse((String) profile.get("every"));
        profileUnconfirmed = "UNCONFIRMED".equals(profile.get("confidence"));
        List<Field> fs = new ArrayList<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) profile.get("fields")) {
            fs.add(new Field(
                    (String) f.get("key"),
                    Boolean.TRUE.equals(f.get("required")),
                    (String) f.get("vi"),
                    (String) f.get("en"),
                    (String) f.get("source")));
        }
        fields = List.copyOf(fs);
        Map<String, Object> contact = (Map<String, Object>) root.get("contactPoint");
        contactReportWithin = Duration.parse((String) contact.get("reportWithin"));
        contactSource = (String) contact.get("legalSource");
        Map<String, Object> rep = (Map<String, Object>) root.get("reports");
        reportForm = (String) rep.get("form");
        reportSource = (String) rep.get("legalSource");
        periodSource = (String) rep.get("periodSource");
        reportsKind = (String) rep.get("reportsKind");
        List<ReportRule> rs = new ArrayList<>();
        for (Map<String, Object> k : (List<Map<String, Object>>) rep.get("kinds")) {
            rs.add(new ReportRule(
                    ReportKind.valueOf((String) k.get("kind")),
                    MonthDay.parse("--" + k.get("before")),
                    MonthDay.parse("--" + k.get("from")),
                    Boolean.TRUE.equals(k.get("fromPreviousYear")),
                    MonthDay.parse("--" + k.get("to")),
                    (String) k.get("vi"),
                    (String) k.get("en"),
                    (String) k.get("reportsPeriod")));
        }
        reports = List.copyOf(rs);
    }

    static NetworkRules loadDefault() {
        try (InputStream in = NetworkRules.class.getResourceAsStream("/rules/incidents/network-duties.yaml")) {
            if (in == null) {
                throw new IllegalStateException("rules/incidents/network-duties.yaml is missing");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new NetworkRules(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isMemberKind(String orgKind) {
        return memberKinds.contains(orgKind);
    }

    Set<String> memberKinds() {
        return memberKinds;
    }

    String membersSource() {
        return membersSource;
    }

    List<Field> fields() {
        return fields;
    }

    Optional<Field> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    String profileForm() {
        return profileForm;
    }

    String profileFormVersion() {
        return profileFormVersion;
    }

    String profileTitleVi() {
        return profileTitleVi;
    }

    String profileSource() {
        return profileSource;
    }

    boolean profileUnconfirmed() {
        return profileUnconfirmed;
    }

    /** The day the next profile update is due: a year after the last submission; today when never submitted. */
    LocalDate profileDueOn(LocalDate lastSubmittedOn, LocalDate today) {
        return lastSubmittedOn == null ? today : lastSubmittedOn.plus(profileEvery);
    }

    Duration contactReportWithin() {
        return contactReportWithin;
    }

    String contactSource() {
        return contactSource;
    }

    /** The instant by which a contact-point change must have been reported. */
    Instant contactReportDue(Instant changedAt) {
        return changedAt.plus(contactReportWithin);
    }

    String reportForm() {
        return reportForm;
    }

    String reportSource() {
        return reportSource;
    }

    String periodSource() {
        return periodSource;
    }

    /** The reports module's kind whose submitted report is the member report (ADR 0038). */
    String reportsKind() {
        return reportsKind;
    }

    /**
     * The reports module's period code of this report: "2026-H1" for the six-monthly report of 2026, "2026" for the
     * annual one (the rule's {@code reportsPeriod} with {@code {year}} filled in).
     */
    String reportsPeriod(ReportPeriod p) {
        return reportRule(p.kind()).reportsPeriod().replace("{year}", String.valueOf(p.year()));
    }

    List<ReportRule> reportRules() {
        return reports;
    }

    ReportRule reportRule(ReportKind kind) {
        return reports.stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }

    /** The report of this kind for this year: its period and its last day on time (the day before "before"). */
    ReportPeriod period(ReportKind kind, int year) {
        ReportRule r = reportRule(kind);
        LocalDate from = r.from().atYear(r.fromPreviousYear() ? year - 1 : year);
        return new ReportPeriod(
                kind, year, from, r.to().atYear(year), r.before().atYear(year).minusDays(1));
    }

    /**
     * The report a member is working on today: the earliest report whose last day on time has not passed, or the
     * next one. The period of a report may still be open (the annual report's period ends on 14/12).
     */
    ReportPeriod current(ReportKind kind, LocalDate today) {
        ReportPeriod p = period(kind, today.getYear());
        return today.isAfter(p.lastDayOnTime()) ? period(kind, today.getYear() + 1) : p;
    }
}
