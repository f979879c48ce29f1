package vn.khien.incidents.network;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.access.CurrentPerson;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;
import vn.khien.reports.PeriodicReports;

/**
 * The network duties of a member (R27, R33): Biểu mẫu 01 submitted as a new version; the 24/7 contact point, every
 * change logged and reported within the rule's limit; the Biểu mẫu 05 reports owed, each with the reports module's
 * report of its period (the one member report, ADR 0038/0044) and the reports recorded here before, read only. Checks
 * who may act, audits each step.
 */
@Service
class NetworkService {

    static final int TEXT_MAX = 2000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+() .-]{6,30}$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NetworkRepository network;
    private final NetworkRules rules;
    private final AuditTrail audit;
    private final Clock clock;
    private final PeriodicReports periodicReports;

    NetworkService(
            NetworkRepository network,
            NetworkRules rules,
            AuditTrail audit,
            Clock clock,
            PeriodicReports periodicReports) {
        this.periodicReports = periodicReports;
        this.network = network;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    record ProfileRequest(Map<String, String> fields) {}

    record ContactRequest(String contactName, String phone, String email, String receptionAddress) {}

    public record ProfileView(
            Integer version,
            Instant submittedAt,
            String submittedByName,
            Map<String, String> values,
            LocalDate dueOn,
            boolean overdue) {}

    public record ReportDue(
            NetworkRules.ReportKind kind,
            int year,
            LocalDate periodFrom,
            LocalDate periodTo,
            LocalDate lastDayOnTime,
            Long submittedReportId,
            Boolean onTime,
            boolean started,
            String periodicPeriod,
            PeriodicReports.Summary periodicReport) {
        /** Met by either the network's own Form 05 record or the reports module's submitted report (ADR 0038). */
        public boolean met() {
            return submittedReportId != null || (periodicReport != null && periodicReport.frozen());
        }
    }

    public record MemberView(
            long organizationId,
            String organizationName,
            boolean canAct,
            ProfileView profile,
            ContactChange contactPoint,
            ContactChange unreportedChange,
            List<ContactChange> contactLog,
            List<ReportDue> reportsDue,
            List<NetworkRepository.Report> reports,
            String periodicKind,
            List<PeriodicReports.Summary> periodicReports,
            boolean canOpenPeriodic,
            String profileSource,
            String contactSource,
            String reportSource) {}

    NetworkRules rules() {
        return rules;
    }

    List<NetworkRepository.Member> members() {
        return network.members(rules.memberKinds());
    }

    private NetworkRepository.Member visibleMember(long organizationId) {
        return network.member(organizationId, false)
                .filter(m -> rules.isMemberKind(m.kind()))
                .orElseThrow(() -> new NotFoundException("network member " + organizationId));
    }

    private NetworkRepository.Member actableMember(long organizationId) {
        NetworkRepository.Member m = visibleMember(organizationId);
        if (network.member(organizationId, true).isEmpty()) {
            throw new ForbiddenActionException("error.forbidden");
        }
        return m;
    }

    MemberView view(long organizationId) {
        NetworkRepository.Member m = visibleMember(organizationId);
        LocalDate today = LocalDate.now(clock.withZone(NetworkRules.VN));
        List<NetworkRepository.Profile> profiles = network.profiles(organizationId);
        ProfileView profile;
        if (profiles.isEmpty()) {
            LocalDate due = rules.profileDueOn(null, today);
            profile = new ProfileView(null, null, null, Map.of(), due, true);
        } else {
            NetworkRepository.Profile p = profiles.get(0);
            LocalDate due =
                    rules.profileDueOn(p.submittedAt().atZone(NetworkRules.VN).toLocalDate(), today);
            profile = new ProfileView(
                    p.version(), p.submittedAt(), p.submittedByName(), values(p.content()), due, today.isAfter(due));
        }
        List<ContactChange> log = network.contactChanges(organizationId, rules);
        ContactChange unreported =
                log.stream().filter(c -> !c.reported()).reduce((a, b) -> b).orElse(null);
        List<NetworkRepository.Report> reports = network.reports(organizationId);
        List<PeriodicReports.Summary> periodic = periodicReports.ofKind(organizationId, rules.reportsKind());
        List<ReportDue> dues = new ArrayList<>();
        for (NetworkRules.ReportRule r : rules.reportRules()) {
            NetworkRules.ReportPeriod current = rules.current(r.kind(), today);
            NetworkRules.ReportPeriod previous = rules.period(r.kind(), current.year() - 1);
            // The previous period stays on the list while it was not submitted: a missed report is still owed.
            ReportDue owed = due(previous, submitted(reports, previous), periodic, today);
            if (!owed.met()) {
                dues.add(owed);
            }
            dues.add(due(current, submitted(reports, current), periodic, today));
        }
        return new MemberView(
                m.id(),
                m.name(),
                network.member(organizationId, true).isPresent(),
                profile,
                log.isEmpty() ? null : log.get(0),
                unreported,
                log,
                dues,
                reports,
                rules.reportsKind(),
                periodic,
                periodicReports.mayOpen(organizationId, rules.reportsKind()),
                rules.profileSource(),
                rules.contactSource(),
                rules.reportSource());
    }

    private static Optional<NetworkRepository.Report> submitted(
            List<NetworkRepository.Report> reports, NetworkRules.ReportPeriod p) {
        return reports.stream()
                .filter(x -> x.kind().equals(p.kind().name()) && x.year() == p.year())
                .findFirst();
    }

    private ReportDue due(
            NetworkRules.ReportPeriod p,
            Optional<NetworkRepository.Report> done,
            List<PeriodicReports.Summary> periodic,
            LocalDate today) {
        String code = rules.reportsPeriod(p);
        // The latest version filed for the period in the reports module (listed latest first).
        PeriodicReports.Summary filed = periodic.stream()
                .filter(x -> x.period().equals(code))
                .findFirst()
                .orElse(null);
        return new ReportDue(
                p.kind(),
                p.year(),
                p.from(),
                p.to(),
                p.lastDayOnTime(),
                done.map(NetworkRepository.Report::id).orElse(null),
                done.map(NetworkRepository.Report::onTime).orElse(null),
                !today.isBefore(p.from()),
                code,
                filed);
    }

    private static Map<String, String> values(String content) {
        return JSON.readValue(content, new TypeReference<LinkedHashMap<String, String>>() {});
    }

    @Transactional
    ProfileView submitProfile(long organizationId, ProfileRequest request) {
        NetworkRepository.Member m = actableMember(organizationId);
        Map<String, String> given = request == null || request.fields() == null ? Map.of() : request.fields();
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        for (String key : given.keySet()) {
            if (rules.field(key).isEmpty()) {
                problems.add(new FieldProblemException.FieldProblem("fields." + key, "ircnetwork.error.unknownField"));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (NetworkRules.Field f : rules.fields()) {
            String v = given.get(f.key());
            v = v == null ? "" : v.strip();
            if (f.required() && v.isEmpty()) {
                problems.add(new FieldProblemException.FieldProblem("fields." + f.key(), "validation.required"));
            } else if (v.length() > TEXT_MAX) {
                problems.add(new FieldProblemException.FieldProblem(
                        "fields." + f.key(), "incidents.error.tooLong", TEXT_MAX));
            }
            values.put(f.key(), v);
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        Instant now = clock.instant();
        long id = network.insertProfile(
                m.id(), rules.profileFormVersion(), JSON.writeValueAsString(values), personId(), now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("form", rules.profileForm());
        after.put("fields", values);
        audit.record(AuditEntry.change("ircnetwork.profile.submit", m.id(), "ir_member_profile", id, null, after));
        return view(m.id()).profile();
    }

    @Transactional
    ContactChange changeContact(long organizationId, ContactRequest r) {
        NetworkRepository.Member m = actableMember(organizationId);
        List<FieldProblemException.FieldProblem> problems = new ArrayList<>();
        String name = required(problems, "contactName", r == null ? null : r.contactName(), 200);
        String phone = required(problems, "phone", r == null ? null : r.phone(), 50);
        String email = required(problems, "email", r == null ? null : r.email(), 200);
        String address = required(problems, "receptionAddress", r == null ? null : r.receptionAddress(), 500);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(new FieldProblemException.FieldProblem("phone", "ircnetwork.error.phone"));
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblemException.FieldProblem("email", "validation.email"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        List<ContactChange> log = network.contactChanges(m.id(), rules);
        Instant now = clock.instant();
        long id = network.insertContact(m.id(), name, phone, email, address, personId(), now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("contactName", name);
        after.put("phone", phone);
        after.put("email", email);
        after.put("receptionAddress", address);
        after.put("reportDueAt", rules.contactReportDue(now).toString());
        Map<String, Object> before = null;
        if (!log.isEmpty()) {
            ContactChange c = log.get(0);
            before = new LinkedHashMap<>();
            before.put("contactName", c.contactName());
            before.put("phone", c.phone());
            before.put("email", c.email());
            before.put("receptionAddress", c.receptionAddress());
        }
        audit.record(AuditEntry.change("ircnetwork.contact.change", m.id(), "ir_contact_point", id, before, after));
        return change(m.id(), id);
    }

    /** Reports a logged change to the coordinator: the step is on the change itself (only an unreported one). */
    @Transactional
    ContactChange reportContact(long organizationId, long changeId) {
        NetworkRepository.Member m = actableMember(organizationId);
        ContactChange c = change(m.id(), changeId);
        if (c.reported()) {
            throw new FieldProblemException("changeId", "ircnetwork.error.alreadyReported");
        }
        ContactChange reported = c.markReported(clock.instant(), null);
        if (!network.markContactReported(reported, personId())) {
            throw new FieldProblemException("changeId", "ircnetwork.error.alreadyReported");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reportedAt", reported.reportedAt().toString());
        after.put("onTime", reported.reportedOnTime());
        audit.record(AuditEntry.change("ircnetwork.contact.report", m.id(), "ir_contact_point", changeId, null, after));
        return change(m.id(), changeId);
    }

    private ContactChange change(long organizationId, long changeId) {
        return network.contactChanges(organizationId, rules).stream()
                .filter(c -> c.id() == changeId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("contact change " + changeId));
    }

    /** A report recorded here before the reports module became the one member report (ADR 0038): read only. */
    byte[] reportDocument(long organizationId, long reportId) {
        NetworkRepository.Member m = visibleMember(organizationId);
        return network.reportDocument(m.id(), reportId).orElseThrow(() -> new NotFoundException("report " + reportId));
    }

    private static Long personId() {
        return CurrentPerson.principal().map(p -> p.personId()).orElse(null);
    }

    private static String required(
            List<FieldProblemException.FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblemException.FieldProblem(field, "validation.required"));
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(new FieldProblemException.FieldProblem(field, "incidents.error.tooLong", max));
            return null;
        }
        return value.strip();
    }
}
