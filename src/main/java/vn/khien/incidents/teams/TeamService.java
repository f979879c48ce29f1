package vn.khien.incidents.teams;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khien.access.Capability;
import vn.khien.access.CurrentPerson;
import vn.khien.access.OrgScope;
import vn.khien.audit.AuditEntry;
import vn.khien.audit.AuditTrail;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FieldProblemException.FieldProblem;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.NotFoundException;

/**
 * The incident-response team of a ministry or province (QĐ 05/2017 Đ6, Chỉ thị 18/CT-TTg; R26): its establishment
 * decision, roster with roles, skills and certificates against the skill standard (rule data), and the 24/7 on-call
 * rotation. Managed by those who respond to incidents or edit security data in the subtree of the team's organisation
 * or of its host unit. Every change is audited.
 */
@Service
public class TeamService {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    /** On-call shifts hand over at 08:00 Việt Nam time. */
    static final LocalTime HANDOVER = LocalTime.of(8, 0);

    static final Capability[] MANAGE = {Capability.RESPOND_INCIDENTS, Capability.EDIT_SECURITY_DATA};
    static final long MAX_FILE = 10L * 1024 * 1024;

    private final TeamRepository teams;
    private final TeamRules rules;
    private final OrgScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    TeamService(TeamRepository teams, TeamRules rules, OrgScope scope, AuditTrail audit, Clock clock) {
        this.teams = teams;
        this.rules = rules;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    public record TeamRequest(
            Long organizationId, Long unitOrganizationId, String name, String decisionNumber, LocalDate decisionDate) {}

    public record DecisionRequest(String decisionNumber, LocalDate decisionDate) {}

    public record SkillRequest(String skill, String certificate, String certificateNumber, LocalDate validUntil) {}

    public record MemberRequest(
            Long personId,
            String fullName,
            String organisationName,
            String phone,
            String email,
            String role,
            List<SkillRequest> skills) {}

    /** A rotation: the members in turn, each on call for {@code days} days from 08:00 of {@code startsOn}. */
    public record RotationRequest(List<Long> memberIds, LocalDate startsOn, Integer days, Integer rounds) {}

    /** A skill of the standard and the members who hold it with a certificate valid today. */
    public record SkillCoverage(String skill, String legalSource, List<String> holders, boolean covered) {}

    public record TeamView(
            TeamRepository.Team team,
            List<TeamRepository.Member> members,
            List<TeamRepository.Shift> onCallNow,
            List<TeamRepository.Shift> thisWeek,
            List<TeamRepository.Shift> upcoming,
            List<SkillCoverage> coverage,
            boolean canManage,
            List<TeamRepository.Member> formerMembers) {}

    public List<TeamRepository.Team> list() {
        return teams.visible();
    }

    public TeamView view(long teamId) {
        TeamRepository.Team t = teams.find(teamId, Capability.READ).orElseThrow(() -> notFound(teamId));
        Instant now = clock.instant();
        ZonedDateTime monday = ZonedDateTime.ofInstant(now, VN)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(VN);
        List<TeamRepository.Member> members = teams.members(teamId);
        LocalDate today = LocalDate.now(clock.withZone(VN));
        List<SkillCoverage> coverage = new ArrayList<>();
        for (TeamRules.Skill s : rules.skills()) {
            List<String> holders = members.stream()
                    .filter(m -> m.skills().stream()
                            .anyMatch(k -> k.skill().equals(s.id())
                                    && (k.validUntil() == null
                                            || !k.validUntil().isBefore(today))))
                    .map(TeamRepository.Member::fullName)
                    .toList();
            coverage.add(new SkillCoverage(s.id(), s.legalSource(), holders, !holders.isEmpty()));
        }
        return new TeamView(
                t,
                members,
                teams.shifts(teamId, now, now.plusSeconds(1)),
                teams.shifts(teamId, monday.toInstant(), monday.plusWeeks(1).toInstant()),
                teams.shifts(teamId, now, now.plusSeconds(60L * 60 * 24 * 56)),
                coverage,
                canManage(teamId),
                teams.formerMembers(teamId));
    }

    public boolean canManage(long teamId) {
        return teams.find(teamId, MANAGE).isPresent();
    }

    @Transactional
    public long create(TeamRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null || r.organizationId() == null) {
            throw new FieldProblemException("organizationId", "validation.required");
        }
        long org = r.organizationId();
        Long designated = teams.designatedUnit(org).orElse(null);
        long unit = r.unitOrganizationId() != null ? r.unitOrganizationId() : designated != null ? designated : org;
        // The ministry or province itself, or its designated incident-response unit (QĐ 05/2017 Đ6), sets the team up.
        boolean byOrganization = scope.canSee(org);
        boolean byUnit = designated != null && designated == unit && scope.canSee(unit);
        if (!byOrganization && !byUnit) {
            // An organisation the caller cannot reach is answered like an unknown one.
            throw new FieldProblemException("organizationId", "teams.error.organizationUnknown");
        }
        if (!teams.inSubtree(unit, org) || !scope.canSee(unit) && !byOrganization) {
            problems.add(new FieldProblem("unitOrganizationId", "teams.error.unitOutside"));
        } else if (!canManageAt(org) && !(byUnit && canManageAt(unit))) {
            throw new ForbiddenActionException("error.forbidden");
        }
        if (teams.teamOf(org).isPresent()) {
            problems.add(new FieldProblem("organizationId", "teams.error.exists"));
        }
        if (blank(r.name())) {
            problems.add(new FieldProblem("name", "validation.required"));
        } else if (r.name().length() > 300) {
            problems.add(new FieldProblem("name", "incidents.error.tooLong", 300));
        }
        checkDecision(r.decisionNumber(), r.decisionDate(), false, problems);
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        long id = teams.insert(
                org, unit, r.name().strip(), strip(r.decisionNumber()), r.decisionDate(), personId(), clock.instant());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("organizationId", org);
        after.put("unitOrganizationId", unit);
        after.put("name", r.name().strip());
        after.put("decisionNumber", strip(r.decisionNumber()));
        after.put(
                "decisionDate",
                r.decisionDate() == null ? null : r.decisionDate().toString());
        audit.record(AuditEntry.change("team.create", org, "response_team", id, null, after));
        return id;
    }

    /** Records the establishment decision (the R26 evidence), with its signed file when given. */
    @Transactional
    public void recordDecision(long teamId, DecisionRequest r, String fileName, byte[] file) {
        TeamRepository.Team t = manageable(teamId);
        List<FieldProblem> problems = new ArrayList<>();
        checkDecision(r == null ? null : r.decisionNumber(), r == null ? null : r.decisionDate(), true, problems);
        if (file != null && file.length > MAX_FILE) {
            problems.add(new FieldProblem("file", "teams.error.fileTooLarge", MAX_FILE / 1024 / 1024));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        boolean withFile = file != null && file.length > 0;
        String sha = withFile ? sha256(file) : null;
        String name = withFile ? (blank(fileName) ? "quyet-dinh.pdf" : fileName.strip()) : null;
        if (name != null && name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        teams.updateDecision(
                teamId,
                r.decisionNumber().strip(),
                r.decisionDate(),
                name,
                sha,
                withFile ? file : null,
                clock.instant());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("decisionNumber", t.decisionNumber());
        before.put(
                "decisionDate",
                t.decisionDate() == null ? null : t.decisionDate().toString());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("decisionNumber", r.decisionNumber().strip());
        after.put("decisionDate", r.decisionDate().toString());
        after.put("fileSha256", sha);
        audit.record(AuditEntry.change("team.decision", t.organizationId(), "response_team", teamId, before, after));
    }

    public record DecisionFile(String fileName, byte[] content) {}

    public DecisionFile decisionFile(long teamId) {
        TeamRepository.Team t = teams.find(teamId, Capability.READ).orElseThrow(() -> notFound(teamId));
        byte[] content = teams.decisionFile(teamId).orElseThrow(() -> new NotFoundException("decision " + teamId));
        audit.record(AuditEntry.of("team.decision.download", t.organizationId(), "response_team", teamId));
        return new DecisionFile(t.decisionFileName(), content);
    }

    @Transactional
    public long addMember(long teamId, MemberRequest r) {
        TeamRepository.Team t = manageable(teamId);
        List<FieldProblem> problems = new ArrayList<>();
        String fullName = r == null ? null : strip(r.fullName());
        if (r != null && r.personId() != null) {
            if (!teams.personInSubtree(r.personId(), t.organizationId())) {
                problems.add(new FieldProblem("personId", "teams.error.personOutside"));
            } else if (fullName == null) {
                fullName = teams.displayName(r.personId()).orElse(null);
            }
        }
        boolean outsourced = r == null || r.personId() == null;
        List<SkillRequest> skills = r == null
                ? List.of()
                : checkDetails(
                        fullName,
                        outsourced,
                        r.organisationName(),
                        r.phone(),
                        r.email(),
                        r.role(),
                        r.skills(),
                        problems);
        if (r == null) {
            problems.add(new FieldProblem("fullName", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        long memberId = teams.insertMember(
                teamId,
                r.personId(),
                fullName,
                strip(r.organisationName()),
                strip(r.phone()),
                strip(r.email()),
                r.role(),
                outsourced,
                clock.instant());
        for (SkillRequest s : skills) {
            teams.insertSkill(memberId, skill(s));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("teamId", teamId);
        after.put("fullName", fullName);
        after.put("role", r.role());
        after.put("outsourced", outsourced);
        after.put("skills", skills.stream().map(SkillRequest::skill).toList());
        audit.record(AuditEntry.change(
                "team.member.add", t.organizationId(), "response_team_member", memberId, null, after));
        return memberId;
    }

    /** An on-call slot of one member, from {@code startsAt} to {@code endsAt}. */
    public record ShiftSlot(Instant startsAt, Instant endsAt) {}

    /**
     * A member's details as edited: everything but who they are. {@code skills} (when given) replaces the skills
     * held; {@code shifts} (when given) replaces the member's on-call slots that have not started yet.
     */
    public record MemberUpdate(
            String fullName,
            String organisationName,
            String phone,
            String email,
            String role,
            Boolean outsourced,
            List<SkillRequest> skills,
            List<ShiftSlot> shifts) {}

    /** Why and when a member left the team ({@code endedOn}: today when not given). */
    public record MemberEnd(LocalDate endedOn, String reason) {}

    /** Edits a current member: role, contact, skills and certificates, outsourced flag, on-call slots. Audited. */
    @Transactional
    public void updateMember(long teamId, long memberId, MemberUpdate r) {
        TeamRepository.Team t = manageable(teamId);
        TeamRepository.Member m = currentMember(teamId, memberId);
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null) {
            throw new FieldProblemException("fullName", "validation.required");
        }
        boolean outsourced = r.outsourced() != null ? r.outsourced() : m.outsourced();
        String fullName = strip(r.fullName());
        List<SkillRequest> skills = checkDetails(
                fullName, outsourced, r.organisationName(), r.phone(), r.email(), r.role(), r.skills(), problems);
        Instant now = clock.instant();
        List<ShiftSlot> slots = r.shifts() == null ? null : r.shifts();
        if (slots != null) {
            if (slots.size() > 100) {
                problems.add(new FieldProblem("shifts", "teams.error.range", 0, 100));
            }
            for (int k = 0; k < slots.size(); k++) {
                ShiftSlot slot = slots.get(k);
                if (slot == null || slot.startsAt() == null || slot.endsAt() == null) {
                    problems.add(new FieldProblem("shifts[" + k + "].startsAt", "validation.required"));
                } else if (!slot.endsAt().isAfter(slot.startsAt())
                        || slot.endsAt().isAfter(slot.startsAt().plusSeconds(31L * 24 * 3600))) {
                    problems.add(new FieldProblem("shifts[" + k + "].endsAt", "teams.error.shiftLength"));
                } else if (slot.startsAt().isBefore(now.minusSeconds(60))) {
                    problems.add(new FieldProblem("shifts[" + k + "].startsAt", "teams.error.past"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        teams.updateMember(
                memberId,
                fullName,
                strip(r.organisationName()),
                strip(r.phone()),
                strip(r.email()),
                r.role(),
                outsourced);
        if (r.skills() != null) {
            teams.replaceSkills(
                    memberId, skills.stream().map(TeamService::skill).toList());
        }
        int replacedShifts = 0;
        if (slots != null) {
            List<TeamRepository.Shift> upcoming = teams.upcomingShifts(memberId, now);
            replacedShifts = upcoming.size();
            upcoming.forEach(sh -> teams.deleteShift(sh.id()));
            for (ShiftSlot slot : slots) {
                teams.insertShift(teamId, memberId, slot.startsAt(), slot.endsAt(), now);
            }
        }
        Map<String, Object> before = memberAudit(m);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fullName", fullName);
        after.put("organisationName", strip(r.organisationName()));
        after.put("phone", strip(r.phone()));
        after.put("email", strip(r.email()));
        after.put("role", r.role());
        after.put("outsourced", outsourced);
        after.put(
                "skills",
                r.skills() == null
                        ? before.get("skills")
                        : skills.stream().map(SkillRequest::skill).toList());
        if (slots != null) {
            after.put("shiftsReplaced", replacedShifts);
            after.put("shifts", slots.size());
        }
        audit.record(AuditEntry.change(
                "team.member.update", t.organizationId(), "response_team_member", memberId, before, after));
    }

    /**
     * A member leaves: gone from the roster and from the rotation from now on (a shift in progress ends now), kept
     * with the day they left for the history (past shifts still name them). Audited.
     */
    @Transactional
    public void removeMember(long teamId, long memberId, MemberEnd r) {
        TeamRepository.Team t = manageable(teamId);
        TeamRepository.Member m = currentMember(teamId, memberId);
        LocalDate today = LocalDate.now(clock.withZone(VN));
        LocalDate endedOn = r == null || r.endedOn() == null ? today : r.endedOn();
        String reason = r == null ? null : strip(r.reason());
        List<FieldProblem> problems = new ArrayList<>();
        if (endedOn.isAfter(today)) {
            problems.add(new FieldProblem("endedOn", "teams.error.endFuture"));
        } else if (endedOn.isBefore(m.joinedOn())) {
            problems.add(new FieldProblem("endedOn", "teams.error.endBeforeJoin", dates(m.joinedOn())));
        }
        if (reason != null && reason.length() > 300) {
            problems.add(new FieldProblem("reason", "incidents.error.tooLong", 300));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        Instant now = clock.instant();
        teams.endMember(memberId, endedOn, reason, personId(), now);
        int shifts = teams.takeOffRotation(memberId, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("endedOn", endedOn.toString());
        after.put("reason", reason);
        after.put("shiftsRemoved", shifts);
        audit.record(AuditEntry.change(
                "team.member.remove", t.organizationId(), "response_team_member", memberId, memberAudit(m), after));
    }

    /** One member of the team (current or former) with their upcoming shifts, for the edit page. */
    public record MemberView(
            TeamRepository.Team team,
            TeamRepository.Member member,
            List<TeamRepository.Shift> upcoming,
            boolean canManage) {}

    public MemberView member(long teamId, long memberId) {
        TeamRepository.Team t = teams.find(teamId, Capability.READ).orElseThrow(() -> notFound(teamId));
        TeamRepository.Member m =
                teams.member(teamId, memberId).orElseThrow(() -> new NotFoundException("member " + memberId));
        return new MemberView(t, m, teams.upcomingShifts(memberId, clock.instant()), canManage(teamId));
    }

    /** Largest certificate file accepted. */
    static final long MAX_CERTIFICATE = 5L * 1024 * 1024;

    /**
     * Attaches the file of the member's certificate for a skill they hold: PDF, PNG or JPEG by its first bytes (what
     * the browser says is not trusted), at most 5 MB; its SHA-256 and who uploaded it when are kept. A new file
     * replaces the previous one (both hashes stay in the audit trail).
     */
    @Transactional
    public TeamRepository.CertificateFile uploadCertificate(
            long teamId, long memberId, String skill, String fileName, byte[] content) {
        TeamRepository.Team t = manageable(teamId);
        TeamRepository.Member m = currentMember(teamId, memberId);
        TeamRepository.MemberSkill held = m.skills().stream()
                .filter(k -> k.skill().equals(skill))
                .findFirst()
                .orElseThrow(() -> new FieldProblemException("skill", "teams.error.skillNotHeld"));
        String type = content == null ? null : sniff(content);
        if (content == null || content.length == 0) {
            throw new FieldProblemException("file", "validation.required");
        } else if (content.length > MAX_CERTIFICATE) {
            throw new FieldProblemException("file", "teams.error.fileTooLarge", MAX_CERTIFICATE / 1024 / 1024);
        } else if (type == null) {
            throw new FieldProblemException("file", "teams.error.fileType");
        }
        String name = blank(fileName) ? "chung-chi" : fileName.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        String sha = sha256(content);
        Instant now = clock.instant();
        teams.saveCertificate(memberId, skill, name, type, sha, content, personId(), now);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("sha256", held.file() == null ? null : held.file().sha256());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("skill", skill);
        after.put("fileName", name);
        after.put("contentType", type);
        after.put("sha256", sha);
        after.put("sizeBytes", content.length);
        audit.record(AuditEntry.change(
                "team.certificate.upload", t.organizationId(), "response_team_member", memberId, before, after));
        return teams.member(teamId, memberId).orElseThrow().skills().stream()
                .filter(k -> k.skill().equals(skill))
                .findFirst()
                .orElseThrow()
                .file();
    }

    public record CertificateDownload(String fileName, String contentType, byte[] content) {}

    /** A certificate file, for whoever may see the team; each download is audited. */
    @Transactional
    public CertificateDownload certificate(long teamId, long memberId, String skill) {
        TeamRepository.Team t = teams.find(teamId, Capability.READ).orElseThrow(() -> notFound(teamId));
        TeamRepository.Member m =
                teams.member(teamId, memberId).orElseThrow(() -> new NotFoundException("member " + memberId));
        TeamRepository.CertificateFile f = m.skills().stream()
                .filter(k -> k.skill().equals(skill) && k.file() != null)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("certificate " + skill))
                .file();
        byte[] content = teams.certificateContent(memberId, skill)
                .orElseThrow(() -> new NotFoundException("certificate " + skill));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("skill", skill);
        details.put("sha256", f.sha256());
        audit.record(AuditEntry.change(
                "team.certificate.download", t.organizationId(), "response_team_member", memberId, null, details));
        return new CertificateDownload(f.fileName(), f.contentType(), content);
    }

    /** The certificate's type by its first bytes: PDF, PNG or JPEG; null for anything else. */
    static String sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == '\r'
                && b[5] == '\n'
                && b[6] == 0x1a
                && b[7] == '\n') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    private TeamRepository.Member currentMember(long teamId, long memberId) {
        TeamRepository.Member m =
                teams.member(teamId, memberId).orElseThrow(() -> new NotFoundException("member " + memberId));
        if (m.endedOn() != null) {
            throw new FieldProblemException("memberId", "teams.error.memberLeft");
        }
        return m;
    }

    private static Map<String, Object> memberAudit(TeamRepository.Member m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fullName", m.fullName());
        out.put("organisationName", m.organisationName());
        out.put("phone", m.phone());
        out.put("email", m.email());
        out.put("role", m.role());
        out.put("outsourced", m.outsourced());
        out.put(
                "skills",
                m.skills().stream().map(TeamRepository.MemberSkill::skill).toList());
        return out;
    }

    private static String dates(LocalDate d) {
        return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static TeamRepository.MemberSkill skill(SkillRequest s) {
        return new TeamRepository.MemberSkill(
                s.skill(), strip(s.certificate()), strip(s.certificateNumber()), s.validUntil());
    }

    /**
     * The checks a member's details pass on adding and on editing (naming the field): a name, the firm of an
     * outsourced expert, a phone or e-mail that looks like one, a role of the catalogue, skills of the standard.
     * Returns the skills asked for, without blanks.
     */
    private List<SkillRequest> checkDetails(
            String fullName,
            boolean outsourced,
            String organisationName,
            String phone,
            String email,
            String role,
            List<SkillRequest> asked,
            List<FieldProblem> problems) {
        if (fullName == null) {
            problems.add(new FieldProblem("fullName", "validation.required"));
        } else if (fullName.length() > 200) {
            problems.add(new FieldProblem("fullName", "incidents.error.tooLong", 200));
        }
        if (outsourced && blank(organisationName)) {
            problems.add(new FieldProblem("organisationName", "teams.error.expertOrganisation"));
        }
        if (organisationName != null && organisationName.length() > 300) {
            problems.add(new FieldProblem("organisationName", "incidents.error.tooLong", 300));
        }
        if (!blank(phone) && !phone.strip().matches("[+0-9 ().-]{6,30}")) {
            problems.add(new FieldProblem("phone", "teams.error.phone"));
        }
        if (!blank(email) && !email.strip().matches("[^@\\s]{1,100}@[^@\\s]{1,98}\\.[^@\\s]+")) {
            problems.add(new FieldProblem("email", "teams.error.email"));
        }
        if (blank(phone) && blank(email)) {
            problems.add(new FieldProblem("phone", "teams.error.contact"));
        }
        if (rules.role(role).isEmpty()) {
            problems.add(new FieldProblem("role", "teams.error.role"));
        }
        List<SkillRequest> skills = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<SkillRequest> given = asked == null ? List.of() : asked;
        for (int k = 0; k < given.size(); k++) {
            SkillRequest s = given.get(k);
            if (s == null || blank(s.skill())) {
                continue;
            }
            if (rules.skill(s.skill()).isEmpty()) {
                problems.add(new FieldProblem("skills[" + k + "].skill", "teams.error.skill"));
            } else if (!seen.add(s.skill())) {
                problems.add(new FieldProblem("skills[" + k + "].skill", "teams.error.skillTwice"));
            } else if (s.certificate() != null && s.certificate().length() > 200
                    || s.certificateNumber() != null && s.certificateNumber().length() > 100) {
                problems.add(new FieldProblem("skills[" + k + "].certificate", "incidents.error.tooLong", 200));
            } else {
                skills.add(s);
            }
        }
        return skills;
    }

    /**
     * Plans the on-call rotation from 08:00 of the first day: the members in the order given, each for {@code days}
     * days, {@code rounds} times over. Shifts already planned from that moment on are replaced.
     */
    @Transactional
    public int rotate(long teamId, RotationRequest r) {
        TeamRepository.Team t = manageable(teamId);
        List<FieldProblem> problems = new ArrayList<>();
        Set<Long> memberIds = new HashSet<>();
        teams.members(teamId).forEach(m -> memberIds.add(m.id()));
        List<Long> order = r == null || r.memberIds() == null ? List.of() : r.memberIds();
        if (order.isEmpty()) {
            problems.add(new FieldProblem("memberIds", "validation.required"));
        } else if (!memberIds.containsAll(order)) {
            problems.add(new FieldProblem("memberIds", "teams.error.memberUnknown"));
        }
        LocalDate today = LocalDate.now(clock.withZone(VN));
        if (r == null || r.startsOn() == null) {
            problems.add(new FieldProblem("startsOn", "validation.required"));
        } else if (r.startsOn().isBefore(today.minusDays(1))) {
            problems.add(new FieldProblem("startsOn", "teams.error.past"));
        }
        int days = r == null || r.days() == null ? 7 : r.days();
        int rounds = r == null || r.rounds() == null ? 1 : r.rounds();
        if (days < 1 || days > 31) {
            problems.add(new FieldProblem("days", "teams.error.range", 1, 31));
        }
        if (rounds < 1 || rounds > 12) {
            problems.add(new FieldProblem("rounds", "teams.error.range", 1, 12));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblemException(problems);
        }
        ZonedDateTime start = r.startsOn().atTime(HANDOVER).atZone(VN);
        Instant now = clock.instant();
        int replaced = teams.deleteShiftsFrom(teamId, start.toInstant());
        int n = 0;
        for (int round = 0; round < rounds; round++) {
            for (long member : order) {
                ZonedDateTime from = start.plusDays((long) n * days);
                teams.insertShift(
                        teamId, member, from.toInstant(), from.plusDays(days).toInstant(), now);
                n++;
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("memberIds", order);
        after.put("startsAt", start.toOffsetDateTime().toString());
        after.put("days", days);
        after.put("shifts", n);
        after.put("replacedShifts", replaced);
        audit.record(AuditEntry.change("team.rotation", t.organizationId(), "response_team", teamId, null, after));
        return n;
    }

    private TeamRepository.Team manageable(long teamId) {
        TeamRepository.Team t = teams.find(teamId, Capability.READ).orElseThrow(() -> notFound(teamId));
        if (!canManage(teamId)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        return t;
    }

    private boolean canManageAt(long organizationId) {
        for (Capability c : MANAGE) {
            if (scope.can(organizationId, c)) {
                return true;
            }
        }
        return false;
    }

    private void checkDecision(String number, LocalDate date, boolean required, List<FieldProblem> problems) {
        if (required || !blank(number) || date != null) {
            if (blank(number)) {
                problems.add(new FieldProblem("decisionNumber", "validation.required"));
            } else if (number.length() > 100) {
                problems.add(new FieldProblem("decisionNumber", "incidents.error.tooLong", 100));
            }
            if (date == null) {
                problems.add(new FieldProblem("decisionDate", "validation.required"));
            } else if (date.isAfter(LocalDate.now(clock.withZone(VN)))) {
                problems.add(new FieldProblem("decisionDate", "teams.error.future"));
            }
        }
    }

    private static NotFoundException notFound(long teamId) {
        return new NotFoundException("response team " + teamId);
    }

    private static Long personId() {
        return CurrentPerson.principal().map(p -> p.personId()).orElse(null);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
