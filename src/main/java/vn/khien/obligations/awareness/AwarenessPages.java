package vn.khien.obligations.awareness;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.platform.DateDisplay;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.FormDates;
import vn.khien.platform.NotFoundException;

/**
 * The awareness pages: the campaigns of the organisations one may see, the form to send one (the audience may be an
 * uploaded CSV/XLSX list, refused whole with every wrong line named; a refused form comes back filled in), a
 * campaign's page with its rounds, delivery and acknowledgement log and the share acknowledged per organisation, and
 * the public page behind the personal link where the reader acknowledges (no sign-in: the link's token is theirs).
 */
@Controller
class AwarenessPages {

    private final AwarenessService awareness;
    private final MessageSource messages;

    AwarenessPages(AwarenessService awareness, MessageSource messages) {
        this.awareness = awareness;
        this.messages = messages;
    }

    /** What the form holds, as typed. */
    record Form(
            Long organizationId,
            String topic,
            String title,
            String message,
            String audience,
            String repeatEvery,
            String startsOn) {}

    record ListProblem(int line, String message) {}

    @GetMapping("/awareness")
    String list(Model model) {
        model.addAttribute("campaigns", awareness.list());
        model.addAttribute("topics", AwarenessService.TOPICS);
        return "awareness/list";
    }

    @GetMapping("/awareness/new")
    String form(Model model) {
        return form(
                model,
                new Form(
                        null,
                        "RANSOMWARE",
                        "",
                        "",
                        "ORGANIZATION",
                        "ONCE",
                        awareness.today().toString()),
                Map.of(),
                List.of());
    }

    private String form(Model model, Form form, Map<String, String> errors, List<ListProblem> listProblems) {
        List<AwarenessService.Option> organizations = awareness.sendableOrganizations();
        if (organizations.isEmpty()) {
            throw new ForbiddenActionException("awareness.error.forbidden");
        }
        model.addAttribute("organizations", organizations);
        return withFields(model, form, errors, listProblems, "awareness/new");
    }

    @PostMapping("/awareness/new")
    String create(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String message,
            @RequestParam(required = false) String audience,
            @RequestParam(required = false) String repeatEvery,
            @RequestParam(required = false) String startsOn,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response)
            throws IOException {
        Form form = new Form(organizationId, topic, title, message, audience, repeatEvery, startsOn);
        Map<String, String> errors = new LinkedHashMap<>();
        List<ListProblem> listProblems = new ArrayList<>();
        LocalDate starts = day(startsOn, errors, "awareness.error.startsOn");
        List<CampaignRequest.Recipient> recipients = null;
        if ("LIST".equals(audience)) {
            if (file == null || file.isEmpty()) {
                errors.put("list", text("awareness.list.missing"));
            } else {
                recipients = recipients(file, errors, listProblems);
            }
        }
        if (errors.isEmpty()) {
            try {
                AwarenessService.Created created = awareness.create(new CampaignRequest(
                        organizationId, topic, title, message, null, repeatEvery, audience, recipients, starts));
                redirect.addFlashAttribute(
                        "message",
                        created.firstRoundOn().isAfter(awareness.today())
                                ? text("awareness.page.scheduled", DateDisplay.DATE.format(created.firstRoundOn()))
                                : text("awareness.page.created"));
                return "redirect:/awareness/" + created.id();
            } catch (FieldProblemException e) {
                refused(e, errors);
            } catch (ForbiddenActionException e) {
                errors.put("organizationId", text(e.messageKey()));
            }
        }
        response.setStatus(422);
        return form(model, form, errors, listProblems);
    }

    @GetMapping("/awareness/{id}")
    String campaign(@PathVariable long id, Model model) {
        Campaign campaign = awareness.campaign(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("log", awareness.deliveries(id));
        model.addAttribute(
                "topic",
                AwarenessService.TOPICS.topics().stream()
                        .filter(t -> t.id().equals(campaign.topic()))
                        .findFirst()
                        .orElse(null));
        model.addAttribute("canStop", campaign.stoppable() && awareness.canSend(campaign.organizationId()));
        model.addAttribute("canEdit", campaign.editable() && awareness.canSend(campaign.organizationId()));
        // no round yet: "being sent" once its day has come (the job sends it within a minute), else "scheduled"
        model.addAttribute(
                "firstRound",
                campaign.rounds() > 0 || campaign.stopped()
                        ? "NONE"
                        : campaign.startsOn().isAfter(awareness.today()) ? "SCHEDULED" : "SENDING");
        return "awareness/campaign";
    }

    @GetMapping("/awareness/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Campaign c = awareness.campaign(id);
        LocalDate next = c.nextRoundOn();
        return edit(
                model,
                c,
                new Form(
                        c.organizationId(),
                        c.topic(),
                        c.title(),
                        c.message(),
                        c.audience().name(),
                        c.repeatEvery().name(),
                        (c.sent() ? (next == null ? awareness.today() : next) : c.startsOn()).toString()),
                Map.of(),
                List.of());
    }

    private String edit(Model model, Campaign c, Form form, Map<String, String> errors, List<ListProblem> problems) {
        if (!awareness.canSend(c.organizationId())) {
            throw new ForbiddenActionException("awareness.error.forbidden");
        }
        model.addAttribute("campaign", c);
        return withFields(model, form, errors, problems, "awareness/edit");
    }

    /** What the campaign's fields (the fragment awareness/form :: fields) show: the form as typed and its choices. */
    private static String withFields(
            Model model, Form form, Map<String, String> errors, List<ListProblem> listProblems, String view) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("listProblems", listProblems);
        model.addAttribute("topics", AwarenessService.TOPICS.topics());
        model.addAttribute("audiences", Campaign.Audience.values());
        model.addAttribute("repeats", Campaign.Repeat.values());
        model.addAttribute("maxLines", RecipientList.MAX_LINES);
        return view;
    }

    /** The day typed in a date field, or null (blank, or unreadable: then the field's error is added). */
    private LocalDate day(String typed, Map<String, String> errors, String errorKey) {
        try {
            return FormDates.read(typed);
        } catch (DateTimeParseException e) {
            errors.put("startsOn", text(errorKey));
            return null;
        }
    }

    /**
     * The recipients of an uploaded list, refused whole: each wrong line goes to {@code listProblems} and the field
     * "list" gets the count (the recipients read are still returned, for the form to be checked as a whole).
     */
    private List<CampaignRequest.Recipient> recipients(
            MultipartFile file, Map<String, String> errors, List<ListProblem> listProblems) throws IOException {
        RecipientList.Result read = RecipientList.read(file.getOriginalFilename(), file.getBytes());
        read.problems()
                .forEach(p -> listProblems.add(
                        new ListProblem(p.line(), text(p.messageKey(), p.args().toArray()))));
        if (!listProblems.isEmpty()) {
            errors.put("list", text("awareness.list.refused", listProblems.size()));
        }
        return read.recipients().stream()
                .map(r -> new CampaignRequest.Recipient(r.email(), r.name()))
                .toList();
    }

    /** The service's refusal next to its fields: the recipients' problems under the list, others as named. */
    private void refused(FieldProblemException e, Map<String, String> errors) {
        e.problems()
                .forEach(p -> errors.merge(
                        p.field().startsWith("recipients")
                                ? "list"
                                : "nextRoundOn".equals(p.field()) ? "startsOn" : p.field(),
                        text(p.messageKey(), p.args()),
                        (a, b) -> a + " " + b));
    }

    @PostMapping("/awareness/{id}/edit")
    String update(
            @PathVariable long id,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String message,
            @RequestParam(required = false) String audience,
            @RequestParam(required = false) String repeatEvery,
            @RequestParam(required = false) String startsOn,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response)
            throws IOException {
        Campaign c = awareness.campaign(id);
        Form form = new Form(
                c.organizationId(),
                c.sent() ? c.topic() : topic,
                c.sent() ? c.title() : title,
                message,
                c.sent() ? c.audience().name() : audience,
                repeatEvery,
                startsOn);
        Map<String, String> errors = new LinkedHashMap<>();
        List<ListProblem> listProblems = new ArrayList<>();
        LocalDate day = day(startsOn, errors, c.sent() ? "awareness.error.nextRoundOn" : "awareness.error.startsOn");
        List<CampaignRequest.Recipient> recipients = null;
        if (!c.sent() && "LIST".equals(audience) && file != null && !file.isEmpty()) {
            recipients = recipients(file, errors, listProblems);
        }
        if (errors.isEmpty()) {
            try {
                // after a round was sent the form holds only the message and the schedule (the day of the next round)
                awareness.update(
                        id,
                        c.sent()
                                ? new CampaignEdit(null, null, message, null, null, repeatEvery, null, day)
                                : new CampaignEdit(
                                        topic, title, message, audience, recipients, repeatEvery, day, null));
                redirect.addFlashAttribute("message", text("awareness.page.saved"));
                return "redirect:/awareness/" + id;
            } catch (FieldProblemException e) {
                refused(e, errors);
            }
        }
        response.setStatus(422);
        return edit(model, c, form, errors, listProblems);
    }

    @PostMapping("/awareness/{id}/stop")
    String stop(@PathVariable long id, RedirectAttributes redirect) {
        try {
            awareness.stop(id);
            redirect.addFlashAttribute("message", text("awareness.page.stopped"));
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("error", text(e.problems().get(0).messageKey()));
        }
        return "redirect:/awareness/" + id;
    }

    /** The signed-in person's messages not yet acknowledged (the home page's attention line leads here). */
    @GetMapping("/awareness/inbox")
    String inbox(Model model) {
        List<AwarenessService.Pending> pending = awareness.pendingForMe();
        model.addAttribute("pending", pending);
        model.addAttribute(
                "paragraphs",
                pending.stream()
                        .collect(Collectors.toMap(
                                AwarenessService.Pending::deliveryId,
                                p -> List.of(p.message().split("\\R\\s*\\R")))));
        return "awareness/inbox";
    }

    @PostMapping("/awareness/inbox")
    String acknowledgeMine(@RequestParam long delivery, RedirectAttributes redirect) {
        awareness.acknowledgeMine(delivery);
        redirect.addFlashAttribute("message", text("awareness.inbox.acknowledged"));
        return "redirect:/awareness/inbox";
    }

    @GetMapping("/public/awareness/{token}")
    String acknowledgement(@PathVariable String token, Model model) {
        AwarenessService.Acknowledgement a =
                awareness.byToken(token).orElseThrow(() -> new NotFoundException("awareness"));
        model.addAttribute("ack", a);
        model.addAttribute("paragraphs", List.of(a.message().split("\\R\\s*\\R")));
        model.addAttribute("token", token);
        return "public/awareness";
    }

    @PostMapping("/public/awareness/{token}")
    String acknowledge(@PathVariable String token) {
        if (!awareness.acknowledge(token)) {
            throw new NotFoundException("awareness");
        }
        return "redirect:/public/awareness/" + token;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
