package vn.khien.systems.dossier;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.FormDates;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.PlatformConfiguration;
import vn.khien.systems.register.ProblemMessages;
import vn.khien.systems.register.SystemService;

@Controller
class DossierPages {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final DossierService service;
    private final DossierDocuments documents;
    private final SystemService systems;
    private final ProblemMessages problems;

    public DossierPages(
            DossierService service, DossierDocuments documents, SystemService systems, ProblemMessages problems) {
        this.service = service;
        this.documents = documents;
        this.systems = systems;
        this.problems = problems;
    }

    @PostMapping("/systems/{id}/dossiers")
    String create(@PathVariable long id, RedirectAttributes redirect) {
        try {
            return "redirect:/dossiers/" + service.create(id).id();
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("dossierErrors", problems.of(e));
            if (e instanceof MissingDesignationException missing) {
                redirect.addFlashAttribute("designationLink", missing.pagePath());
            }
            return "redirect:/systems/" + id;
        }
    }

    @GetMapping("/dossiers/{id}")
    String show(@PathVariable long id, Model model) {
        Dossier d = service.get(id);
        model.addAttribute("dossier", d);
        model.addAttribute("system", systems.record(d.systemId()));
        // The security plan, which the appraising bodies read while the dossier is under appraisal (ADR 0012).
        model.addAttribute("planReadable", systems.planReadable(d.systemId()));
        model.addAttribute("partDefinitions", service.partDefinitions(d));
        model.addAttribute("texts", service.parts(id));
        model.addAttribute("attachments", service.attachments(id));
        model.addAttribute("history", service.steps(id));
        model.addAttribute("preconditions", service.preconditionStatus(d));
        model.addAttribute("gap", service.proposalWithoutCriterion(d).orElse(null));
        model.addAttribute("canRecordReceipt", service.canRecordReceipt(d));
        List<AdditionalDecision> decisions = service.additionalDecisions(d);
        model.addAttribute("decisions", decisions);
        model.addAttribute(
                "decisionsAllowed",
                decisions.stream()
                        .filter(a -> service.canRecordDecision(d, a))
                        .map(AdditionalDecision::key)
                        .toList());
        model.addAttribute(
                "allowed", service.allowedActions(d).stream().map(Enum::name).toList());
        model.addAttribute("editable", d.status().editable() && systems.canEdit(systems.record(d.systemId())));
        LocalDate today = LocalDate.now(PlatformConfiguration.ZONE);
        String lateStep = d.lateStep(today);
        model.addAttribute("late", lateStep != null && !"VALIDITY_CHECK".equals(lateStep));
        model.addAttribute("validityLate", d.validityCheckOpen() && today.isAfter(d.validityDueOn()));
        return "dossiers/show";
    }

    /**
     * Saves every part of the one parts form at once (only those whose text changed), so text typed in one part is
     * never lost when another is saved. A part the service refuses keeps the typed text and its message.
     */
    @PostMapping("/dossiers/{id}/parts")
    String saveParts(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Dossier d = service.get(id);
        Map<String, String> saved = service.parts(id);
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> partErrors = new LinkedHashMap<>();
        int count = 0;
        for (DossierPartDefinition def : service.partDefinitions(d)) {
            String content = form.get("content-" + def.key());
            if (content == null) {
                continue;
            }
            typed.put(def.key(), content);
            String before = saved.get(def.key());
            if (content.strip().equals(before == null ? "" : before.strip())) {
                continue;
            }
            try {
                service.savePart(id, def.key(), content);
                count++;
            } catch (FieldProblemException e) {
                partErrors.put(def.key(), String.join(" ", problems.of(e)));
            }
        }
        String focus = form.getOrDefault("focus", "");
        if (partErrors.isEmpty()) {
            redirect.addFlashAttribute("partsSaved", count);
        } else {
            redirect.addFlashAttribute("partErrors", partErrors);
            redirect.addFlashAttribute("typedParts", typed);
        }
        return "redirect:/dossiers/" + id + (focus.isBlank() ? "#dossier-parts" : "#part-" + focus);
    }

    @PostMapping("/dossiers/{id}/parts/{partKey}")
    String savePart(
            @PathVariable long id,
            @PathVariable String partKey,
            @RequestParam(required = false) String content,
            RedirectAttributes redirect) {
        try {
            service.savePart(id, partKey, content);
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("errors", problems.of(e));
        }
        return "redirect:/dossiers/" + id + "#part-" + partKey;
    }

    @PostMapping("/dossiers/{id}/attachments")
    String attach(
            @PathVariable long id,
            @RequestParam String part,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        try {
            service.attach(
                    id,
                    part,
                    file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(),
                    file == null ? null : file.getBytes());
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("errors", problems.of(e));
        }
        return "redirect:/dossiers/" + id + "#part-" + part;
    }

    @GetMapping("/dossiers/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        DossierAttachment meta = service.attachments(id).stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("attachment"));
        return DossierApi.download(service.attachment(id, attachmentId), meta.fileName(), meta.contentType());
    }

    @GetMapping("/dossiers/{id}/signed-file")
    ResponseEntity<byte[]> signedFile(@PathVariable long id) {
        Dossier d = service.get(id);
        return DossierApi.download(service.signedFile(id), d.signedFileName(), null);
    }

    /**
     * A workflow step from the page. The decision date is typed as dd/MM/yyyy whatever the browser's locale. On a
     * refused step every message goes next to its field and what was typed comes back.
     */
    @PostMapping("/dossiers/{id}/actions/{action}")
    String act(
            @PathVariable long id,
            @PathVariable DossierAction action,
            @ModelAttribute ActionRequest request,
            @RequestParam(required = false) String decisionDateText,
            @RequestParam(required = false) MultipartFile signedFile,
            RedirectAttributes redirect)
            throws IOException {
        if (signedFile != null && !signedFile.isEmpty()) {
            request.setSignedFileName(signedFile.getOriginalFilename());
            request.setSignedFileBase64(Base64.getEncoder().encodeToString(signedFile.getBytes()));
        }
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        if (decisionDateText != null && !decisionDateText.isBlank()) {
            try {
                request.setDecisionDate(FormDates.read(decisionDateText));
            } catch (DateTimeParseException e) {
                fieldErrors.put("decisionDate", problems.text("dossier.dateFormat"));
            }
        }
        if (fieldErrors.isEmpty()) {
            try {
                service.act(id, action, request);
                redirect.addFlashAttribute("actionDone", action.name());
                return "redirect:/dossiers/" + id;
            } catch (FieldProblemException e) {
                for (FieldProblemException.FieldProblem p : e.problems()) {
                    String field = p.field() == null ? "" : p.field().replace("signedFileBase64", "signedFile");
                    fieldErrors.merge(field, problems.text(p.messageKey(), p.args()), (a, b) -> a + " " + b);
                }
            }
        }
        Map<String, String> typed = new HashMap<>();
        typed.put("comment", request.getComment());
        typed.put("decisionNumber", request.getDecisionNumber());
        typed.put("decisionDateText", decisionDateText);
        typed.put("decisionSigner", request.getDecisionSigner());
        redirect.addFlashAttribute("failedAction", action.name());
        redirect.addFlashAttribute("actionErrors", fieldErrors);
        redirect.addFlashAttribute("actionValues", typed);
        return "redirect:/dossiers/" + id + "#action-form-" + action.name();
    }

    @PostMapping("/dossiers/{id}/receipt")
    String receipt(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            service.recordReceipt(id, receivedOn, note);
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("errors", problems.of(e));
        }
        return "redirect:/dossiers/" + id;
    }

    @PostMapping("/dossiers/{id}/decisions/{key}")
    String decision(
            @PathVariable long id,
            @PathVariable String key,
            @RequestParam(required = false) String decisionNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
            @RequestParam(required = false) String decisionSigner,
            RedirectAttributes redirect) {
        try {
            service.recordDecision(id, key, decisionNumber, decisionDate, decisionSigner);
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("errors", problems.of(e));
        }
        return "redirect:/dossiers/" + id;
    }

    @PostMapping("/systems/{id}/critical-list")
    String requestCriticalList(
            @PathVariable long id,
            @RequestParam(required = false) String grounds,
            @RequestParam(required = false) String withdraw,
            RedirectAttributes redirect) {
        try {
            if (withdraw != null) {
                service.withdrawCriticalListRequest(id);
            } else {
                service.requestCriticalList(id, grounds);
            }
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("criticalListErrors", problems.of(e));
        }
        return "redirect:/systems/" + id + "#critical-list";
    }

    @GetMapping("/dossiers/{id}/dossier.docx")
    ResponseEntity<byte[]> dossierDocx(@PathVariable long id) {
        return DossierApi.download(documents.dossier(id), "ho-so-de-xuat-cap-do-" + id + ".docx", DOCX);
    }

    @GetMapping("/dossiers/{id}/decision.docx")
    ResponseEntity<byte[]> decisionDocx(@PathVariable long id) {
        return DossierApi.download(documents.decision(id), "du-thao-quyet-dinh-" + id + ".docx", DOCX);
    }
}
