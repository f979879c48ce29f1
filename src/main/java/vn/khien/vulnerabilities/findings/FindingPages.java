package vn.khien.vulnerabilities.findings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.systems.VisibleSystems;
import vn.khien.vulnerabilities.FindingIncidents;
import vn.khien.vulnerabilities.parsing.Severity;

/** Findings of a system or an organisation subtree, a finding's detail, and (bulk) state changes. */
@Controller
class FindingPages {

    private static final int PAGE_SIZE = 50;
    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final FindingService service;
    private final VisibleSystems systems;
    private final MessageSource messages;
    // The incidents linked to a finding, from the incidents module (none when it is absent, as in module tests).
    private final List<FindingIncidents> incidents;

    public FindingPages(
            FindingService service, VisibleSystems systems, MessageSource messages, List<FindingIncidents> incidents) {
        this.incidents = incidents;
        this.service = service;
        this.systems = systems;
        this.messages = messages;
    }

    /**
     * Everything this person may see, from the menu: the findings of the systems owned or operated in their subtrees
     * ({@code VisibleSystems.visibleSystems}, the same predicate as the home page's finding lines). The bodies
     * appraising or approving a system's dossier list the system in the register, not its findings (ADR 0012). The
     * organisation view, with its chart, is one click away.
     */
    @GetMapping("/findings")
    String mine(@ModelAttribute FindingFilter filter, BindingResult binding, Model model) {
        FindingFilter.refuseMismatches(binding);
        model.addAttribute("canEdit", false);
        model.addAttribute("canApprove", false);
        model.addAttribute("basePath", "/findings");
        service.homeOrganization().ifPresent(id -> model.addAttribute("homeOrganizationId", id));
        return list(filter.query(null, null, PAGE_SIZE), model);
    }

    @GetMapping("/systems/{systemId}/findings")
    String ofSystem(
            @PathVariable long systemId, @ModelAttribute FindingFilter filter, BindingResult binding, Model model) {
        FindingFilter.refuseMismatches(binding);
        var system = systems.get(systemId);
        model.addAttribute("system", system);
        model.addAttribute("canEdit", systems.canEdit(system));
        model.addAttribute("canApprove", service.canApprove(system.ownerOrganizationId()));
        model.addAttribute("basePath", "/systems/" + systemId + "/findings");
        return list(filter.query(systemId, null, PAGE_SIZE), model);
    }

    @GetMapping("/organizations/{organizationId}/findings")
    String ofOrganization(
            @PathVariable long organizationId,
            @ModelAttribute FindingFilter filter,
            BindingResult binding,
            Model model) {
        FindingFilter.refuseMismatches(binding);
        List<FindingRepository.Count> counts = service.counts(organizationId);
        model.addAttribute("organizationId", organizationId);
        Map<String, Object> chart = chart(counts);
        model.addAttribute("chart", chart);
        model.addAttribute("chartJson", JSON.writeValueAsString(chart));
        model.addAttribute("duties", service.scanDuties(organizationId));
        model.addAttribute("sla", service.slaFor(organizationId));
        model.addAttribute("canEdit", true);
        model.addAttribute("canApprove", service.canApprove(organizationId));
        model.addAttribute("basePath", "/organizations/" + organizationId + "/findings");
        return list(filter.query(null, organizationId, PAGE_SIZE), model);
    }

    private String list(FindingQuery q, Model model) {
        FindingRepository.Page p = service.search(q);
        model.addAttribute("query", q);
        model.addAttribute("findings", p.items());
        model.addAttribute("total", p.total());
        model.addAttribute("capped", p.capped());
        model.addAttribute("pages", (p.total() + q.size() - 1) / q.size());
        // Both links are keyset reads (issue 15): "next" after the last row shown, "previous" before the first. The
        // page number only labels the page; a page with nothing before it is the first, whatever the link said.
        model.addAttribute("next", p.next() == null ? null : p.next().toString());
        model.addAttribute(
                "previous", p.previous() == null ? null : p.previous().toString());
        model.addAttribute("pageIndex", p.previous() == null ? 0 : Math.max(1, q.page()));
        model.addAttribute("today", service.today());
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute(
                "settable",
                List.of(
                        FindingStatus.OPEN,
                        FindingStatus.FIXED,
                        FindingStatus.FALSE_POSITIVE,
                        FindingStatus.ACCEPTED_RISK));
        return "findings/list";
    }

    /** Counts per severity (x axis) and state (one dataset each), as the chart script reads them. */
    private Map<String, Object> chart(List<FindingRepository.Count> counts) {
        List<String> labels = new ArrayList<>();
        for (Severity s : Severity.values()) {
            labels.add(text("findings.severity." + s.name()));
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (FindingStatus st : FindingStatus.values()) {
            List<Long> data = new ArrayList<>();
            for (Severity s : Severity.values()) {
                data.add(counts.stream()
                        .filter(c -> c.status() == st && c.severity().equals(s.name()))
                        .mapToLong(FindingRepository.Count::count)
                        .sum());
            }
            Map<String, Object> ds = new LinkedHashMap<>();
            ds.put("label", text("findings.status." + st.name()));
            ds.put("data", data);
            datasets.add(ds);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("datasets", datasets);
        chart.put(
                "overdue",
                counts.stream().mapToLong(FindingRepository.Count::overdue).sum());
        chart.put(
                "total",
                counts.stream().mapToLong(FindingRepository.Count::count).sum());
        return chart;
    }

    @GetMapping("/findings/{id}")
    String detail(@PathVariable long id, Model model) {
        Finding f = service.get(id);
        model.addAttribute("finding", f);
        model.addAttribute("locations", service.locations(List.of(f), 1000).getOrDefault(id, List.of()));
        model.addAttribute("history", service.history(id));
        model.addAttribute("today", service.today());
        model.addAttribute(
                "relatedIncidents",
                incidents.stream().flatMap(x -> x.linkedToFinding(id).stream()).toList());
        model.addAttribute("canEdit", service.canEdit(f.systemId()));
        model.addAttribute("canApprove", service.canApprove(f.ownerOrganizationId()));
        model.addAttribute(
                "settable",
                List.of(
                        FindingStatus.OPEN,
                        FindingStatus.FIXED,
                        FindingStatus.FALSE_POSITIVE,
                        FindingStatus.ACCEPTED_RISK));
        return "findings/detail";
    }

    @PostMapping("/findings/state")
    String changeState(
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) FindingStatus status,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate riskExpiresOn,
            @RequestParam(required = false) String returnTo,
            RedirectAttributes redirect) {
        try {
            int changed = service.changeState(new FindingService.StateRequest(ids, status, reason, riskExpiresOn));
            redirect.addFlashAttribute("message", text("findings.changed", changed));
        } catch (FieldProblemException e) {
            FieldProblemException.FieldProblem p = e.problems().get(0);
            redirect.addFlashAttribute(
                    "stateError", text("findings.field." + p.field()) + ": " + text(p.messageKey(), p.args()));
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("stateError", text(e.messageKey()));
        }
        return "redirect:" + safeReturn(returnTo);
    }

    /**
     * A malformed paging cursor in a list's link ({@code after}, {@code before}): the error page naming the parameter,
     * as for a parameter of the wrong type, not a 500.
     */
    @ExceptionHandler(FieldProblemException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String wrongParameter(FieldProblemException e, Model model) {
        model.addAttribute(
                "parameterProblems",
                e.problems().stream()
                        .map(p ->
                                Map.of("name", p.field(), "message", p.field() + ": " + text(p.messageKey(), p.args())))
                        .toList());
        return "error/400";
    }

    /** Only paths of this application: never an absolute or protocol-relative URL (no open redirect). */
    static String safeReturn(@Nullable String returnTo) {
        if (returnTo == null
                || returnTo.length() > 2000
                || !returnTo.startsWith("/")
                || returnTo.startsWith("//")
                || returnTo.contains("\\")
                || !returnTo.matches("/[A-Za-z0-9/._~%!$&'()*+,;=:@?-]*")) {
            return "/findings";
        }
        return returnTo;
    }

    private String text(String key, Object... args) {
        return Objects.requireNonNullElse(messages.getMessage(key, args, key, LocaleContextHolder.getLocale()), key);
    }
}
