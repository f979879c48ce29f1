package vn.khien.warnings.alerts;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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
import vn.khien.platform.NotFoundException;
import vn.khien.warnings.WarningIncidents;
import vn.khien.warnings.matching.AffectedJson;

/** The warnings pages: list and publish (publisher), one warning with its progress (publisher, parent) and responses (unit). */
@Controller
class WarningPages {

    private final WarningService service;
    private final VexAnswers vex;
    private final WarningsApi api;
    private final MessageSource messages;
    // The incidents linked to a warning, from the incidents module (none when it is absent, as in module tests).
    private final List<WarningIncidents> incidents;

    WarningPages(
            WarningService service,
            VexAnswers vex,
            WarningsApi api,
            MessageSource messages,
            List<WarningIncidents> incidents) {
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
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute(
                    "error",
                    String.join(
                            "; ",
                            e.problems().stream()
                                    .map(p -> p.field() + ": " + text(p.messageKey(), p.args()))
                                    .toList()));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:/warnings/" + id;
    }

    /** A publish form pre-filled from a received warning, to forward it to the units below (their own deadlines). */
    record Draft(
            String fromTitle,
            String title,
            String description,
            String severity,
            String tlp,
            String cves,
            String products,
            Long advisoryId) {}

    @GetMapping("/warnings")
    String list(@RequestParam(required = false) Long forward, Model model) {
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
            model.addAttribute(
                    "draft",
                    new Draft(
                            w.title(),
                            w.title(),
                            w.description(),
                            w.severity(),
                            w.tlp().equals("RED") || w.tlp().equals("AMBER+STRICT") ? "AMBER" : w.tlp(),
                            String.join(", ", w.cves()),
                            products.toString().trim(),
                            w.advisoryId()));
        }
        model.addAttribute("warnings", service.visible());
        model.addAttribute("publishers", service.publishers());
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
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate acknowledgeBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fixBy,
            @RequestParam(required = false) String tlp,
            @RequestParam(required = false) Long advisoryId,
            @RequestParam(required = false) List<Long> recipients,
            @RequestParam(required = false) String recommendedAction,
            RedirectAttributes redirect) {
        try {
            List<String> cveList = cves == null
                    ? List.of()
                    : Arrays.stream(cves.split("[,\\s]+"))
                            .filter(s -> !s.isBlank())
                            .toList();
            WarningService.Published p = service.publish(new WarningService.PublishRequest(
                    organizationId,
                    title,
                    description,
                    severity,
                    cveList,
                    parseProducts(products),
                    acknowledgeBy,
                    fixBy,
                    tlp,
                    advisoryId,
                    recipients,
                    recommendedAction,
                    null));
            redirect.addFlashAttribute("message", text("warnings.page.publishedOk", p.systemsReached()));
            return "redirect:/warnings/" + p.id();
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("error", problems(e));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:/warnings";
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

    @GetMapping("/warnings/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) Long organizationId, Model model) {
        WarningRepository.Warning w = service.get(id);
        model.addAttribute("w", w);
        List<WarningRepository.AffectedRow> affected = service.affected(id);
        model.addAttribute("affected", affected);
        // the response form only on the rows the person may answer for (the service checks again)
        Set<Long> respondable = new HashSet<>();
        for (WarningRepository.AffectedRow a : affected) {
            if (service.canRespond(a.organizationId())) {
                respondable.add(a.systemId());
            }
        }
        model.addAttribute("respondable", respondable);
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
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedFixOn,
            RedirectAttributes redirect) {
        try {
            WarningService.ResponseResult r = service.respond(
                    id, new WarningService.ResponseRequest(systemId, status, justification, note, plannedFixOn));
            redirect.addFlashAttribute(
                    "message", text("warnings.page.responded", text("warnings.status." + r.status())));
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("error", problems(e));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        }
        return "redirect:/warnings/" + id;
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
