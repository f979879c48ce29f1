package vn.khien.incidents.teams;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.platform.Downloads;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;

/** The response teams: the list, setting one up, and a team's roster, skills, decision and on-call rotation. */
@Controller
class TeamPages {

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
        model.addAttribute("organizations", lookups.creatableOrganizations());
        return "incidents/teams";
    }

    @PostMapping("/response-teams")
    String create(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String decisionNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
            RedirectAttributes redirect) {
        try {
            long id = service.create(
                    new TeamService.TeamRequest(organizationId, null, name, decisionNumber, decisionDate));
            redirect.addFlashAttribute("message", text("incidents.saved"));
            return "redirect:/response-teams/" + id;
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("actionError", problem(e));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
        }
        return "redirect:/response-teams";
    }

    @GetMapping("/response-teams/{id}")
    String show(@PathVariable long id, Model model) {
        TeamService.TeamView view = service.view(id);
        model.addAttribute("view", view);
        model.addAttribute("roles", rules.roles());
        model.addAttribute("skills", rules.skills());
        model.addAttribute("standardSource", rules.legalSource());
        model.addAttribute("standardChoice", rules.choice());
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<String, String> skillNames = new LinkedHashMap<>();
        rules.skills().forEach(k -> skillNames.put(k.id(), k.name(english)));
        Map<String, String> roleNames = new LinkedHashMap<>();
        rules.roles().forEach(r -> roleNames.put(r.id(), r.name(english)));
        model.addAttribute("skillNames", skillNames);
        model.addAttribute("roleNames", roleNames);
        if (view.canManage()) {
            model.addAttribute("people", lookups.peopleOf(view.team().organizationId()));
        }
        return "incidents/team";
    }

    @PostMapping("/response-teams/{id}/decision")
    String decision(
            @PathVariable long id,
            @RequestParam(required = false) String decisionNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
        String fileName = file == null ? null : file.getOriginalFilename();
        return act(
                id,
                redirect,
                () -> service.recordDecision(
                        id, new TeamService.DecisionRequest(decisionNumber, decisionDate), fileName, content));
    }

    @GetMapping("/response-teams/{id}/decision-file")
    ResponseEntity<byte[]> decisionFile(@PathVariable long id) {
        TeamService.DecisionFile f = service.decisionFile(id);
        return Downloads.attachment(f.content(), f.fileName(), MediaType.APPLICATION_OCTET_STREAM);
    }

    @PostMapping("/response-teams/{id}/members")
    String member(
            @PathVariable long id,
            @RequestParam(required = false) Long personId,
            @RequestParam(required = false) String fullName,
            @RequestParam(required = false) String organisationName,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) List<String> skill,
            @RequestParam(required = false) String certificate,
            @RequestParam(required = false) String certificateNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
            RedirectAttributes redirect) {
        // The form gives one certificate for the skills ticked (the usual case: one certificate covers them).
        List<TeamService.SkillRequest> skills = new ArrayList<>();
        for (String s : skill == null ? List.<String>of() : skill) {
            skills.add(new TeamService.SkillRequest(s, certificate, certificateNumber, validUntil));
        }
        String to = act(
                id,
                redirect,
                () -> service.addMember(
                        id,
                        new TeamService.MemberRequest(
                                personId, fullName, organisationName, phone, email, role, skills)));
        if (redirect.getFlashAttributes().containsKey("actionError")) {
            // The form comes back as it was typed, so a refused member is corrected, not typed again.
            Map<String, Object> typed = new LinkedHashMap<>();
            typed.put("personId", personId);
            typed.put("fullName", fullName);
            typed.put("organisationName", organisationName);
            typed.put("phone", phone);
            typed.put("email", email);
            typed.put("role", role);
            typed.put("skill", skill == null ? List.of() : skill);
            typed.put("certificate", certificate);
            typed.put("certificateNumber", certificateNumber);
            typed.put("validUntil", validUntil);
            redirect.addFlashAttribute("memberForm", typed);
        }
        return to;
    }

    @PostMapping("/response-teams/{id}/rotation")
    String rotation(
            @PathVariable long id,
            @RequestParam(required = false) List<Long> memberIds,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) Integer rounds,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> service.rotate(id, new TeamService.RotationRequest(memberIds, startsOn, days, rounds)));
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", text("incidents.saved"));
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("actionError", problem(e));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("actionError", text(e.messageKey()));
        }
        return "redirect:/response-teams/" + id;
    }

    private String problem(FieldProblemException e) {
        FieldProblemException.FieldProblem p = e.problems().get(0);
        String field = p.field().replaceAll("\\[\\d+]", "");
        return text("teams.field." + field) + ": " + text(p.messageKey(), p.args());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
