package vn.khien.warnings.alerts;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.FormDates;
import vn.khien.platform.NotFoundException;
import vn.khien.warnings.WarningIncidents;
import vn.khien.warnings.advisories.AdvisoryLibrary;
import vn.khien.warnings.matching.AffectedJson;

/** The warnings pages: list and publish (publisher), one warning with its progress (publisher, parent) and responses (unit). */
@Controller
class WarningPages {

    private final WarningService service;
    private final VexAnswers vex;
    private final WarningsApi api;
    private final MessageSource messages;
    private final AdvisoryLibrary advisories;
    // The incidents linked to a warning, from the incidents module (none when it is absent, as in module tests).
    private final List<WarningIncidents> incidents;

    WarningPages(
            WarningService service,
            VexAnswers vex,
            WarningsApi api,
            MessageSource messages,
            AdvisoryLibrary advisories,
            List<WarningIncidents> incidents) {
        this.advisories = advisories;
        this.incidents = incidents;
        this.service = service;
        this.vex = vex;
        this.api = api;
        this.messages = messages;
    }

    /** The download buttons of the warning page (the API itself takes bearer tokens only). */
    @GetMapping("/warnings/{id}/export.stix.json")
    ResponseEntity<Map<String, Object>> downloadStix(@PathVariable long id) {
        return api.export(id, true);
    }

    @GetMapping("/warnings/{id}/export.csaf.json")
    ResponseEntity<Map<String, Object>> downloadCsaf(@PathVariable long id) {
        return api.export(id, false);
    }

    /** The unit's bulk answer: one VEX document for many of its systems. */
    @PostMapping("/warnings/{id}/vex")
    String answerWithVex(
            @PathVariable long id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new FieldProblemException("file", "validation.required");
            }
            VexAnswers.Result r = vex.answer(id, file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute(
                    "message",
                    text(
                            "warnings.vex.done",
                            r.format(),
                            r.changed().size(),
                            r.unchanged(),
                            r.skipped().size()));
            redirect.addFlashAttribute("vexChanges", r.changed());
            redirect.addFlashAttribute("vexCsafChecks", r.csafChecks());
            redirect.addFlashAttribute("vexCsafChecksTotal", r.csafChecksTotal());
        } catch (FieldProblemException e) {
            // one line per problem (a schema refusal names every violation with its JSON pointer)
            List<String> lines = e.problems().stream()
                    .map(p -> p.field().equals("file")
                            ? text(p.messageKey(), p.args())
                            : p.field() + ": " + text(p.messageKey(), p.args()))
                    .toList();
            redirect.addFlashAttribute("error", text("warnings.vex.refused"));
            redirect.addFlashAttribute("vexErrors", lines);
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:/warnings/" + id;
    }

    /**
     * The publish form's values: pre-filled from a received warning to forward it to the units below (their own
     * deadlines), or the values just typed when the service refused them (kept, each error next to its field).
     */
    record Draft(
            @Nullable String fromTitle,
            @Nullable Long organizationId,
            @Nullable String title,
            @Nullable String description,
            @Nullable String severity,
            @Nullable String tlp,
            @Nullable String cves,
            @Nullable String products,
            @Nullable String advisoryId,
            @Nullable String acknowledgeBy,
            @Nullable String fixBy,
            @Nullable String recommendedAction,
            List<Long> recipients) {}

    @GetMapping("/warnings")
    String list(
            @RequestParam(required = false) Long forward,
            @RequestParam(required = false) Long advisory,
            @RequestParam(required = false) String q,
            @RequestParam(required = false, defaultValue = "false") boolean needsAnswer,
            Model model) {
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("needsAnswer", needsAnswer);
        model.addAttribute("list", service.list(new WarningRepository.ListFilter(q, needsAnswer)));
        Draft draft = null;
        if (forward != null) {
            WarningRepository.Warning w = service.get(forward);
            StringBuilder products = new StringBuilder();
            for (Map<String, Object> p : AffectedJson.flat(AffectedJson.read(w.affected()))) {
                if (Boolean.TRUE.equals(p.get("platform"))) {
                    continue;
                }
                if (p.get("cpe") != null) {
                    products.append(p.get("cpe"));
                    for (String[] b : new String[][] {
                        {"versionStartIncluding", " >="},
                        {"versionStartExcluding", " >"},
                        {"versionEndIncluding", " <="},
                        {"versionEndExcluding", " <"}
                    }) {
                        if (p.get(b[0]) != null) {
                            products.append(b[1]).append(p.get(b[0]));
                        }
                    }
                } else if (p.get("purl") != null) {
                    products.append(p.get("purl"));
                    if (p.get("vers") != null) {
                        products.append(' ').append(p.get("vers"));
                    }
                }
                products.append('\n');
            }
            draft = new Draft(
                    w.title(),
                    null,
                    w.title(),
                    w.description(),
                    w.severity(),
                    w.tlp().equals("RED") || w.tlp().equals("AMBER+STRICT") ? "AMBER" : w.tlp(),
                    String.join(", ", w.cves()),
                    products.toString().trim(),
                    w.advisoryId() == null ? null : String.valueOf(w.advisoryId()),
                    null,
                    null,
                    w.recommendedAction(),
                    List.of());
        }
        if (draft == null && advisory != null) {
            draft = fromAdvisory(advisory);
        }
        return listPage(model, draft, Map.of());
    }

    /**
     * The publish form pre-filled from an advisory of the library ("publish as warning"): its title, severity and
     * CVEs, and its number, so the service takes the advisory's affected products (the products field stays empty).
     */
    private Draft fromAdvisory(long id) {
        AdvisoryLibrary.Advisory a = advisories.advisory(id).orElseThrow(() -> new NotFoundException("advisory"));
        String severity = a.severity() == null ? null : a.severity().strip().toUpperCase(java.util.Locale.ROOT);
        return new Draft(
                null,
                null,
                a.title() == null ? String.join(", ", a.cves()) : a.title(),
                null,
                "MODERATE".equals(severity) ? "MEDIUM" : "IMPORTANT".equals(severity) ? "HIGH" : severity,
                null,
                String.join(", ", a.cves()),
                null,
                String.valueOf(a.id()),
                null,
                null,
                null,
                List.of());
    }

    private String listPage(Model model, @Nullable Draft draft, Map<String, String> errors) {
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("list")) {
            model.addAttribute("q", "");
            model.addAttribute("needsAnswer", false);
            model.addAttribute("list", service.list(WarningRepository.ListFilter.NONE));
        }
        model.addAttribute("publishers", service.publishers());
        model.addAttribute("recipientOptions", service.recipientOptions());
        model.addAttribute("tlps", Arrays.stream(Tlp.values()).map(t -> t.code).toList());
        return "warnings/list";
    }

    @PostMapping("/warnings")
    String publish(
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String cves,
            @RequestParam(required = false) String products,
            @RequestParam(required = false) String acknowledgeBy,
            @RequestParam(required = false) String fixBy,
            @RequestParam(required = false) String tlp,
            @RequestParam(required = false) String advisoryId,
            @RequestParam(required = false) List<Long> recipients,
            @RequestParam(required = false) String recommendedAction,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        // Dates and the advisory number are read here, not bound, so a wrong value comes back next to its field
        // with everything else that was typed (a binding error would answer a bare error page).
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate ackOn = date(acknowledgeBy, "acknowledgeBy", errors);
        LocalDate fixOn = date(fixBy, "fixBy", errors);
        Long advisory = null;
        if (advisoryId != null && !advisoryId.isBlank()) {
            try {
                advisory = Long.valueOf(advisoryId.strip());
            } catch (NumberFormatException e) {
                errors.put("advisoryId", text("warnings.publish.noAdvisory"));
                advisory = -1L; // no such advisory: the service reports the other fields' problems too
            }
        }
        List<String> cveList = cves == null
                ? List.of()
                : Arrays.stream(cves.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        try {
            // called even when a date could not be read (it is then missing), so every problem shows at once
            WarningService.Published p = service.publish(new WarningService.PublishRequest(
                    organizationId,
                    title,
                    description,
                    severity,
                    cveList,
                    parseProducts(products),
                    ackOn,
                    fixOn,
                    tlp,
                    advisory,
                    recipients,
                    recommendedAction,
                    null));
            redirect.addFlashAttribute("message", text("warnings.page.publishedOk", p.systemsReached()));
            return "redirect:/warnings/" + p.id();
        } catch (FieldProblemException e) {
            for (FieldProblemException.FieldProblem p : e.problems()) {
                String field = p.field().startsWith("affected") ? "products" : p.field();
                // a date that could not be read is said as such, not as missing
                if (!errors.containsKey(field)
                        || !(field.equals("acknowledgeBy") || field.equals("fixBy") || field.equals("advisoryId"))) {
                    errors.merge(field, text(p.messageKey(), p.args()), (a, b) -> a + " " + b);
                }
            }
        } catch (ForbiddenActionException e) {
            errors.put("organizationId", text(e.messageKey()));
        }
        response.setStatus(422);
        return listPage(
                model,
                new Draft(
                        null,
                        organizationId,
                        title,
                        description,
                        severity,
                        tlp,
                        cves,
                        products,
                        advisoryId,
                        FormDates.shown(acknowledgeBy),
                        FormDates.shown(fixBy),
                        recommendedAction,
                        recipients == null ? List.of() : recipients),
                errors);
    }

    /** A day as the form sends it (dd/MM/yyyy, or ISO from an old link; ADR 0079); unreadable: an error. */
    private @Nullable LocalDate date(@Nullable String value, String field, Map<String, String> errors) {
        try {
            return FormDates.read(value);
        } catch (DateTimeParseException e) {
            errors.put(field, text("warnings.form.badDate", FormDates.shown(value)));
            return null;
        }
    }

    /**
     * One product per line: {@code cpe:2.3:… [>=a] [>a] [<=b] [<b]} or {@code pkg:… [vers:…]}.
     */
    static List<WarningService.ProductInput> parseProducts(String text) {
        List<WarningService.ProductInput> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 0 || parts[0].isBlank()) {
                continue;
            }
            if (parts[0].startsWith("pkg:")) {
                out.add(new WarningService.ProductInput(
                        null, null, null, null, null, parts[0], parts.length > 1 ? parts[1] : null));
                continue;
            }
            String si = null, se = null, ei = null, ee = null;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i];
                if (p.startsWith(">=")) {
                    si = p.substring(2);
                } else if (p.startsWith(">")) {
                    se = p.substring(1);
                } else if (p.startsWith("<=")) {
                    ei = p.substring(2);
                } else if (p.startsWith("<")) {
                    ee = p.substring(1);
                }
            }
            out.add(new WarningService.ProductInput(parts[0], si, se, ei, ee, null, null));
        }
        return out;
    }

    /** A response the service refused: what was typed for that system, and each error next to its field. */
    record ResponseDraft(
            long systemId,
            @Nullable String status,
            @Nullable String justification,
            @Nullable String plannedFixOn,
            @Nullable String note,
            Map<String, String> errors) {}

    @GetMapping("/warnings/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) Long organizationId, Model model) {
        return detailPage(id, organizationId, model, null);
    }

    private String detailPage(
            long id, @Nullable Long organizationId, Model model, @Nullable ResponseDraft responseDraft) {
        model.addAttribute("responseDraft", responseDraft);
        WarningRepository.Warning w = service.get(id);
        model.addAttribute("w", w);
        List<WarningRepository.AffectedRow> affected = service.affected(id);
        model.addAttribute("affected", affected);
        // the response form only on the rows the person may answer for (the service checks again)
        Set<Long> respondable = new HashSet<>();
        // the answers still open from each system's status: none once it is settled (not affected, fixed)
        Map<Long, List<String>> steps = new HashMap<>();
        for (WarningRepository.AffectedRow a : affected) {
            if (service.canRespond(a.organizationId())) {
                respondable.add(a.systemId());
                steps.put(a.systemId(), TargetStatus.valueOf(a.status()).nextResponses());
            }
        }
        model.addAttribute("respondable", respondable);
        model.addAttribute("steps", steps);
        model.addAttribute("declarable", service.declarable(id));
        if (!model.containsAttribute("declareDraft")) {
            model.addAttribute("declareDraft", null);
        }
        WarningService.Progress progress = null;
        try {
            progress = service.progress(id, organizationId);
        } catch (NotFoundException e) {
            // a unit below the publisher follows its own systems in the table below, not the publisher's subtree
        }
        model.addAttribute("progress", progress);
        boolean publisherSide = service.canRemind(w);
        model.addAttribute("canRemind", publisherSide);
        // forwarding is for the receiving side: a unit below the publisher that has subordinates of its own
        model.addAttribute("canForward", !publisherSide && !service.publishers().isEmpty());
        model.addAttribute(
                "justifications",
                Arrays.stream(Justification.values()).map(j -> j.csaf).toList());
        model.addAttribute(
                "relatedIncidents",
                incidents.stream().flatMap(x -> x.linkedToWarning(id).stream()).toList());
        model.addAttribute("today", LocalDate.now(WarningService.VN));
        return "warnings/detail";
    }

    @PostMapping("/warnings/{id}/responses")
    String respond(
            @PathVariable long id,
            @RequestParam(required = false) Long systemId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String justification,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String plannedFixOn,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate planned = date(plannedFixOn, "plannedFixOn", errors);
        try {
            if (errors.isEmpty()) {
                WarningService.ResponseResult r = service.respond(
                        id, new WarningService.ResponseRequest(systemId, status, justification, note, planned));
                redirect.addFlashAttribute(
                        "message", text("warnings.page.responded", text("warnings.status." + r.status())));
                return "redirect:/warnings/" + id;
            }
        } catch (FieldProblemException e) {
            for (FieldProblemException.FieldProblem p : e.problems()) {
                // a step refused from the current status belongs to the status chosen
                String field = p.field().equals("systemId") ? "status" : p.field();
                errors.merge(field, text(p.messageKey(), statusArgs(p.args())), (a, b) -> a + " " + b);
            }
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
            return "redirect:/warnings/" + id;
        }
        if (systemId == null) {
            redirect.addFlashAttribute("error", String.join(" ", errors.values()));
            return "redirect:/warnings/" + id;
        }
        response.setStatus(422);
        return detailPage(
                id,
                null,
                model,
                new ResponseDraft(systemId, status, justification, FormDates.shown(plannedFixOn), note, errors));
    }

    /** A declaration the service refused: what was chosen and typed, each error next to its field. */
    record DeclareDraft(@Nullable Long systemId, @Nullable String note, Map<String, String> errors) {}

    /**
     * A unit that the matching did not reach declares one of its own systems affected, with the reason (the same
     * rules as {@code POST /api/v1/warnings/{id}/responses} with status AFFECTED).
     */
    @PostMapping("/warnings/{id}/declarations")
    String declare(
            @PathVariable long id,
            @RequestParam(required = false) Long systemId,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            WarningService.ResponseResult r =
                    service.respond(id, new WarningService.ResponseRequest(systemId, "AFFECTED", null, note, null));
            redirect.addFlashAttribute("message", text("warnings.declare.done", text("warnings.status." + r.status())));
            return "redirect:/warnings/" + id;
        } catch (FieldProblemException e) {
            for (FieldProblemException.FieldProblem p : e.problems()) {
                errors.merge(p.field(), text(p.messageKey(), p.args()), (a, b) -> a + " " + b);
            }
        } catch (ForbiddenActionException e) {
            errors.put("systemId", text(e.messageKey()));
        } catch (NotFoundException e) {
            // a system the person may not see: said as not one of theirs, the warning itself stays (it is visible)
            service.get(id);
            errors.put("systemId", text("warnings.declare.notYours"));
        }
        response.setStatus(422);
        model.addAttribute("declareDraft", new DeclareDraft(systemId, note, errors));
        return detailPage(id, null, model, null);
    }

    /** A status code given as a message argument reads as its words. */
    private Object[] statusArgs(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String code && code.matches("[A-Z_]+")) {
                out[i] = text("warnings.status." + code);
            }
        }
        return out;
    }

    @PostMapping("/warnings/{id}/reminders")
    String remind(@PathVariable long id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("message", text("warnings.page.reminded", service.remind(id)));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:/warnings/" + id;
    }

    private String problems(FieldProblemException e) {
        return String.join(
                "; ",
                e.problems().stream().map(p -> text(p.messageKey(), p.args())).toList());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    static Map<String, String> badge() {
        return Map.of();
    }
}
