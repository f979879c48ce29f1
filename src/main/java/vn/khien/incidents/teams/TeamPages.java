package vn.khien.incidents.teams;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.platform.Downloads;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.FormDates;

/** The response teams: the list, setting one up, and a team's roster, skills, decision and on-call rotation. */
@Controller
class TeamPages {

    /** A problem of the k-th skill of a request ({@code skills[k].certificate}). */
    /** A date sent in ISO order that may not exist (the page turns dd/MM/yyyy into it before sending). */
    private static final Pattern SKILL_FIELD = Pattern.compile("skills\\[(\\d+)]\\.(\\w+)");

    private final TeamService service;
    private final TeamRepository lookups;
    private final TeamRules rules;
    private final MessageSource messages;

    TeamPages(TeamService service, TeamRepository lookups, TeamRules rules, MessageSource messages) {
        this.service = service;
        this.lookups = lookups;
        this.rules = rules;
        this.messages = messages;
    }

    @GetMapping("/response-teams")
    String list(Model model) {
        model.addAttribute("teams", service.list());
        model.addAttribute(
                "organizations",
                lookups.creatableOrganizations(rules.applicability().orgKinds()));
        TeamRules.Applicability a = rules.applicability();
        model.addAttribute(
                "applicability",
                text(
                        "teams.applicability",
                        String.join(
                                ", ",
                                a.orgKinds().stream()
                                        .sorted()
                                        .map(k -> text("orgKind." + k))
                                        .toList()),
                        a.legalSource()));
        return "incidents/teams";
    }

    @PostMapping("/response-teams")
    String create(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String decisionNumber,
            @RequestParam(required = false) String decisionDate,
            RedirectAttributes redirect) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("organizationId", organizationId == null ? null : organizationId.toString());
        form.put("name", name);
        form.put("decisionNumber", decisionNumber);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = date(decisionDate);
        if (decisionDate != null && !decisionDate.isBlank() && day == null) {
            errors.put("decisionDate", text("teams.error.date"));
        }
        typedDate(form, "decisionDate", decisionDate, day);
        String done = attempt(
                errors,
                redirect,
                "redirect:/response-teams",
                () -> "redirect:/response-teams/"
                        + service.create(new TeamService.TeamRequest(organizationId, null, name, decisionNumber, day)));
        if (done != null) {
            return done;
        }
        // Post/Redirect/Get: the form comes back as typed, each problem next to its field.
        redirect.addFlashAttribute("teamForm", form);
        redirect.addFlashAttribute("teamErrors", errors);
        redirect.addFlashAttribute("teamRefused", text("teams.create.refused"));
        return "redirect:/response-teams#team-form";
    }

    @GetMapping("/response-teams/{id}")
    String show(@PathVariable long id, Model model) {
        TeamService.TeamView view = service.view(id);
        model.addAttribute("view", view);
        model.addAttribute("roles", rules.roles());
        model.addAttribute("skills", rules.skills());
        model.addAttribute("standardSource", rules.legalSource());
        model.addAttribute("standardChoice", rules.choice());
        names(model);
        if (view.canManage()) {
            model.addAttribute("people", lookups.peopleOf(view.team().organizationId()));
        }
        return "incidents/team";
    }

    @PostMapping("/response-teams/{id}/decision")
    String decision(
            @PathVariable long id,
            @RequestParam(required = false) String decisionNumber,
            @RequestParam(required = false) String decisionDate,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
        String fileName = content == null ? null : file.getOriginalFilename();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = date(decisionDate);
        if (decisionDate != null && !decisionDate.isBlank() && day == null) {
            errors.put("decisionDate", text("teams.error.date"));
        }
        String done = attempt(errors, redirect, "redirect:/response-teams/" + id, () -> {
            service.recordDecision(id, new TeamService.DecisionRequest(decisionNumber, day), fileName, content);
            return "redirect:/response-teams/" + id;
        });
        if (done != null) {
            return done;
        }
        // Post/Redirect/Get: the decision as typed, each problem next to its field. A browser never refills a file
        // input, so the page names the file that was chosen and asks for it again.
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("decisionNumber", decisionNumber);
        typedDate(form, "decisionDate", decisionDate, day);
        form.put("fileName", fileName);
        redirect.addFlashAttribute("decisionForm", form);
        redirect.addFlashAttribute("decisionErrors", errors);
        redirect.addFlashAttribute("decisionRefused", text("teams.decision.refused"));
        return "redirect:/response-teams/" + id + "#decision-form";
    }

    @GetMapping("/response-teams/{id}/decision-file")
    ResponseEntity<byte[]> decisionFile(@PathVariable long id) {
        TeamService.DecisionFile f = service.decisionFile(id);
        return Downloads.attachment(f.content(), f.fileName(), MediaType.APPLICATION_OCTET_STREAM);
    }

    @PostMapping("/response-teams/{id}/members")
    String member(
            @PathVariable long id, @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        // One certificate (name, number, expiry) per skill ticked, as on the member's own page.
        List<String> ticked = params.getOrDefault("skill", List.of());
        List<TeamService.SkillRequest> skills = new ArrayList<>();
        for (String k : ticked) {
            skills.add(new TeamService.SkillRequest(
                    k,
                    params.getFirst("certificate_" + k),
                    params.getFirst("certificateNumber_" + k),
                    date(params.getFirst("validUntil_" + k))));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Long personId = null;
        String person = params.getFirst("personId");
        if (person != null && !person.isBlank()) {
            try {
                personId = Long.valueOf(person.strip());
            } catch (NumberFormatException e) {
                errors.put("personId", text("teams.error.personOutside"));
            }
        }
        for (String k : ticked) {
            String until = params.getFirst("validUntil_" + k);
            if (until != null && !until.isBlank() && date(until) == null) {
                errors.put("validUntil_" + k, text("teams.error.date"));
            }
        }
        if (errors.isEmpty()) {
            try {
                service.addMember(
                        id,
                        new TeamService.MemberRequest(
                                personId,
                                params.getFirst("fullName"),
                                params.getFirst("organisationName"),
                                params.getFirst("phone"),
                                params.getFirst("email"),
                                params.getFirst("role"),
                                skills));
                redirect.addFlashAttribute("message", text("incidents.saved"));
                return "redirect:/response-teams/" + id;
            } catch (FieldProblemException e) {
                errors.putAll(memberErrors(e, skills));
            } catch (ForbiddenActionException e) {
                redirect.addFlashAttribute("actionError", text(e.messageKey()));
                return "redirect:/response-teams/" + id;
            }
        }
        // Post/Redirect/Get: the team page comes back with the form as it was typed and each problem next to its
        // field (flash attributes), so a refused member is corrected, not typed again, and a reload does not post.
        redirect.addFlashAttribute("memberForm", typed(params));
        redirect.addFlashAttribute("memberErrors", errors);
        redirect.addFlashAttribute("memberRefused", text("teams.member.refused"));
        return "redirect:/response-teams/" + id + "#add-member";
    }

    /** The problems of a new member by the form's field: a skill's certificate problem goes next to that skill. */
    private Map<String, String> memberErrors(FieldProblemException e, List<TeamService.SkillRequest> skills) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldProblemException.FieldProblem p : e.problems()) {
            Matcher m = SKILL_FIELD.matcher(p.field());
            String field = p.field();
            if (m.matches()) {
                int k = Integer.parseInt(m.group(1));
                String code = k < skills.size() ? skills.get(k).skill() : null;
                field = "certificate".equals(m.group(2)) && code != null ? "certificate_" + code : "skills";
            }
            out.putIfAbsent(field, text(p.messageKey(), p.args()));
        }
        return out;
    }

    /** A member of the team: the edit form, their upcoming shifts, certificate files and the removal form. */
    @GetMapping("/response-teams/{id}/members/{memberId}")
    String memberPage(@PathVariable long id, @PathVariable long memberId, Model model) {
        TeamService.MemberView view = service.member(id, memberId);
        // After a refused form (Post/Redirect/Get), the flash attributes "form" and "errors" are already in the model
        // and take precedence over the member as stored.
        return memberModel(model, view, typed(view.member(), view.upcoming()), Map.of());
    }

    @PostMapping("/response-teams/{id}/members/{memberId}")
    String updateMember(
            @PathVariable long id,
            @PathVariable long memberId,
            @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect) {
        TeamService.MemberView view = service.member(id, memberId);
        Map<String, Object> form = typed(params);
        List<TeamService.SkillRequest> skills = new ArrayList<>();
        List<String> ticked = params.getOrDefault("skill", List.of());
        for (String k : ticked) {
            skills.add(new TeamService.SkillRequest(
                    k,
                    params.getFirst("certificate_" + k),
                    params.getFirst("certificateNumber_" + k),
                    date(params.getFirst("validUntil_" + k))));
        }
        List<TeamService.ShiftSlot> slots = null;
        if (params.containsKey("shiftsShown")) {
            List<String> keep = params.getOrDefault("keepShift", List.of());
            slots = view.upcoming().stream()
                    .filter(sh -> keep.contains(String.valueOf(sh.id())))
                    .map(sh -> new TeamService.ShiftSlot(sh.startsAt(), sh.endsAt()))
                    .toList();
        }
        try {
            service.updateMember(
                    id,
                    memberId,
                    new TeamService.MemberUpdate(
                            params.getFirst("fullName"),
                            params.getFirst("organisationName"),
                            params.getFirst("phone"),
                            params.getFirst("email"),
                            params.getFirst("role"),
                            params.containsKey("outsourced"),
                            skills,
                            slots));
        } catch (FieldProblemException e) {
            return refused(redirect, id, memberId, form, errors(e));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
            return "redirect:/response-teams/" + id;
        }
        redirect.addFlashAttribute("message", text("teams.member.saved"));
        return "redirect:/response-teams/" + id;
    }

    @PostMapping("/response-teams/{id}/members/{memberId}/removal")
    String removeMember(
            @PathVariable long id,
            @PathVariable long memberId,
            @RequestParam(required = false) String endedOn,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        TeamService.MemberView view = service.member(id, memberId);
        LocalDate day;
        try {
            day = endedOn == null || endedOn.isBlank() ? null : FormDates.read(endedOn);
        } catch (DateTimeParseException e) {
            Map<String, Object> form = typed(view.member(), view.upcoming());
            form.put("endedOn", endedOn);
            form.put("reason", reason);
            return refused(redirect, id, memberId, form, Map.of("endedOn", text("teams.error.date")));
        }
        try {
            service.removeMember(id, memberId, new TeamService.MemberEnd(day, reason));
        } catch (FieldProblemException e) {
            Map<String, Object> form = typed(view.member(), view.upcoming());
            form.put("endedOn", endedOn);
            form.put("reason", reason);
            return refused(redirect, id, memberId, form, errors(e));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
            return "redirect:/response-teams/" + id;
        }
        redirect.addFlashAttribute("message", text("teams.member.removed"));
        return "redirect:/response-teams/" + id;
    }

    @PostMapping("/response-teams/{id}/members/{memberId}/certificates/{skill}")
    String uploadCertificate(
            @PathVariable long id,
            @PathVariable long memberId,
            @PathVariable String skill,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        TeamService.MemberView view = service.member(id, memberId);
        byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
        try {
            service.uploadCertificate(id, memberId, skill, file == null ? null : file.getOriginalFilename(), content);
        } catch (FieldProblemException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors(e).forEach((k, v) -> errors.put("certificate-" + skill, v));
            return refused(redirect, id, memberId, typed(view.member(), view.upcoming()), errors);
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
            return "redirect:/response-teams/" + id;
        }
        redirect.addFlashAttribute("message", text("incidents.saved"));
        return "redirect:/response-teams/" + id + "/members/" + memberId;
    }

    @GetMapping("/response-teams/{id}/members/{memberId}/certificates/{skill}")
    ResponseEntity<byte[]> certificate(@PathVariable long id, @PathVariable long memberId, @PathVariable String skill) {
        TeamService.CertificateDownload f = service.certificate(id, memberId, skill);
        return Downloads.attachment(f.content(), f.fileName(), MediaType.parseMediaType(f.contentType()));
    }

    /**
     * Post/Redirect/Get for a refused form of the member's page: back to the page (a reload does not post again) with
     * the form as typed and each problem next to its field, as flash attributes.
     */
    private static String refused(
            RedirectAttributes redirect, long id, long memberId, Map<String, Object> form, Map<String, String> errors) {
        redirect.addFlashAttribute("form", new LinkedHashMap<>(form));
        redirect.addFlashAttribute("errors", new LinkedHashMap<>(errors));
        return "redirect:/response-teams/" + id + "/members/" + memberId;
    }

    /** The member's page; a form and errors already in the model (flash attributes of a refusal) are kept. */
    private String memberModel(
            Model model, TeamService.MemberView view, Map<String, Object> form, Map<String, String> errors) {
        model.addAttribute("view", view);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", errors);
        }
        model.addAttribute("roles", rules.roles());
        model.addAttribute("skills", rules.skills());
        names(model);
        return "incidents/team-member";
    }

    /** The form as the member stands. */
    private static Map<String, Object> typed(TeamRepository.Member m, List<TeamRepository.Shift> upcoming) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("fullName", m.fullName());
        form.put("organisationName", m.organisationName());
        form.put("phone", m.phone());
        form.put("email", m.email());
        form.put("role", m.role());
        form.put("outsourced", m.outsourced());
        List<String> ticked = new ArrayList<>();
        for (TeamRepository.MemberSkill k : m.skills()) {
            ticked.add(k.skill());
            form.put("certificate_" + k.skill(), k.certificate());
            form.put("certificateNumber_" + k.skill(), k.certificateNumber());
            form.put(
                    "validUntil_" + k.skill(),
                    k.validUntil() == null ? null : k.validUntil().toString());
        }
        form.put("skill", ticked);
        form.put(
                "keepShift",
                upcoming.stream().map(sh -> String.valueOf(sh.id())).toList());
        return form;
    }

    /** The form as it was typed, so a refused edit is corrected, not typed again. */
    private static Map<String, Object> typed(MultiValueMap<String, String> params) {
        Map<String, Object> form = new LinkedHashMap<>();
        params.forEach((k, v) -> form.put(k, v.isEmpty() ? null : v.get(0)));
        form.put("outsourced", params.containsKey("outsourced"));
        form.put("skill", new ArrayList<>(params.getOrDefault("skill", List.of())));
        form.put("keepShift", new ArrayList<>(params.getOrDefault("keepShift", List.of())));
        return form;
    }

    /** The problems by field (indexes dropped), in the reader's language, for the messages next to the fields. */
    private Map<String, String> errors(FieldProblemException e) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldProblemException.FieldProblem p : e.problems()) {
            String field = p.field().replaceAll("\\[\\d+].*", "");
            out.putIfAbsent(field, text(p.messageKey(), p.args()));
        }
        return out;
    }

    /**
     * Runs a form's action when nothing was refused yet: its redirect with "saved" when it succeeds, the page with the
     * message at the top when the action is forbidden, or null with the service's problems added to {@code errors} (by
     * field), for the form to come back as typed.
     */
    private String attempt(
            Map<String, String> errors, RedirectAttributes redirect, String forbidden, Supplier<String> action) {
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            String to = action.get();
            redirect.addFlashAttribute("message", text("incidents.saved"));
            return to;
        } catch (FieldProblemException e) {
            errors.putAll(errors(e));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
            return forbidden;
        }
        return null;
    }

    /** A typed date for the form as it comes back: a real date dd/MM/yyyy, text that is no date as typed. */
    private static void typedDate(Map<String, Object> form, String field, String typed, LocalDate parsed) {
        form.put(field, FormDates.shown(parsed != null ? parsed : typed));
    }

    private static LocalDate date(String s) {
        try {
            return FormDates.read(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void names(Model model) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<String, String> skillNames = new LinkedHashMap<>();
        rules.skills().forEach(k -> skillNames.put(k.id(), k.name(english)));
        Map<String, String> roleNames = new LinkedHashMap<>();
        rules.roles().forEach(r -> roleNames.put(r.id(), r.name(english)));
        model.addAttribute("skillNames", skillNames);
        model.addAttribute("roleNames", roleNames);
    }

    @PostMapping("/response-teams/{id}/rotation")
    String rotation(
            @PathVariable long id,
            @RequestParam(required = false) List<Long> memberIds,
            @RequestParam(name = "startsOn", required = false) String startsOnText,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) Integer rounds,
            RedirectAttributes redirect) {
        LocalDate startsOn = date(startsOnText);
        try {
            if (startsOn == null && startsOnText != null && !startsOnText.isBlank()) {
                throw new FieldProblemException("startsOn", "teams.error.date");
            }
            service.rotate(id, new TeamService.RotationRequest(memberIds, startsOn, days, rounds));
            redirect.addFlashAttribute("message", text("incidents.saved"));
        } catch (FieldProblemException e) {
            // Post/Redirect/Get: the rotation as typed, each problem next to its field.
            Map<String, Object> form = new LinkedHashMap<>();
            form.put(
                    "memberIds",
                    new ArrayList<>(
                            memberIds == null
                                    ? List.<String>of()
                                    : memberIds.stream().map(String::valueOf).toList()));
            typedDate(form, "startsOn", startsOnText, startsOn);
            form.put("days", days == null ? null : days.toString());
            form.put("rounds", rounds == null ? null : rounds.toString());
            redirect.addFlashAttribute("rotationForm", form);
            redirect.addFlashAttribute("rotationErrors", new LinkedHashMap<>(errors(e)));
            return "redirect:/response-teams/" + id + "#rotation-form";
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
        }
        return "redirect:/response-teams/" + id;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
