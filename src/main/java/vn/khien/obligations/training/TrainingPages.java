package vn.khien.obligations.training;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
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
import vn.khien.obligations.xlsx.XlsxImports;
import vn.khien.organizations.OrganizationRepository;
import vn.khien.platform.Downloads;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.FormDates;
import vn.khien.platform.NotFoundException;

/** An organisation's training page: the year's records and counts, and the form to record one (kept on error). */
@Controller
class TrainingPages {

    private final TrainingService training;
    private final TrainingImport importer;
    private final XlsxImports imports;
    private final OrganizationRepository organizations;
    private final MessageSource messages;

    TrainingPages(
            TrainingService training,
            TrainingImport importer,
            XlsxImports imports,
            OrganizationRepository organizations,
            MessageSource messages) {
        this.training = training;
        this.importer = importer;
        this.imports = imports;
        this.organizations = organizations;
        this.messages = messages;
    }

    /** What the record's form holds, as typed (bound from the posted fields of the same names). */
    record Form(String personName, String email, String course, String provider, String completedOn, String hours) {

        static final Form EMPTY = new Form("", "", "", "", "", "");

        static Form of(TrainingService.Record r) {
            return new Form(
                    r.personName(),
                    r.email() == null ? "" : r.email(),
                    r.course(),
                    r.provider() == null ? "" : r.provider(),
                    r.completedOn().toString(),
                    r.hours().stripTrailingZeros().toPlainString());
        }

        /** The fields by name, for the templates. */
        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("personName", personName);
            values.put("email", email);
            values.put("course", course);
            values.put("provider", provider);
            values.put("completedOn", completedOn);
            values.put("hours", hours);
            return values;
        }
    }

    static TrainingService.Certificate certificate(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        String name = file.getOriginalFilename() == null ? "chung-chi" : file.getOriginalFilename();
        String type = file.getContentType() == null ? "application/octet-stream" : file.getContentType();
        return new TrainingService.Certificate(name, type, file.getBytes());
    }

    @GetMapping("/organizations/{id}/training")
    String page(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        return page(id, year, model, Form.EMPTY, Map.of());
    }

    private String page(long id, Integer year, Model model, Form form, Map<String, String> errors) {
        var org = organizations.findVisible(id).orElseThrow(() -> new NotFoundException("organization"));
        int shown = year == null ? training.thisYear() : year;
        model.addAttribute("organization", org);
        model.addAttribute("summary", training.year(id, shown));
        model.addAttribute("year", shown);
        model.addAttribute("canEdit", training.canEdit(id));
        return withForm(model, form, errors, "training/organization");
    }

    @PostMapping("/organizations/{id}/training")
    String add(
            @PathVariable long id,
            @ModelAttribute Form form,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response)
            throws IOException {
        if (organizations.findVisible(id).isEmpty()) {
            throw new NotFoundException("organization");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        TrainingRequest request = request(form, errors);
        if (errors.isEmpty()) {
            try {
                training.create(id, request, certificate(file));
                redirect.addFlashAttribute("message", text("training.page.added"));
                return "redirect:/organizations/" + id + "/training?year="
                        + request.completedOn().getYear();
            } catch (FieldProblemException e) {
                refused(e, errors);
            } catch (ForbiddenActionException e) {
                errors.put("personName", text(e.messageKey()));
            }
        }
        response.setStatus(422);
        return page(id, null, model, form, errors);
    }

    @GetMapping("/training/template.xlsx")
    ResponseEntity<byte[]> template() {
        return XlsxImports.template(importer.template(), "mau-dao-tao.xlsx");
    }

    /** All or nothing: a refused file comes back with every problem by row and column, nothing recorded. */
    @PostMapping("/organizations/{id}/training/import")
    String importFile(
            @PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        imports.upload(id, file, "training.import", "importError", redirect, bytes -> importer.importFile(id, bytes));
        return "redirect:/organizations/" + id + "/training";
    }

    @GetMapping("/training-records/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        TrainingService.Record r = training.get(id);
        return edit(model, r, Form.of(r), Map.of());
    }

    private String edit(Model model, TrainingService.Record r, Form form, Map<String, String> errors) {
        if (!training.canEdit(r.organizationId())) {
            throw new ForbiddenActionException("training.error.forbidden");
        }
        model.addAttribute("record", r);
        return withForm(model, form, errors, "training/edit");
    }

    @PostMapping("/training-records/{id}/edit")
    String update(
            @PathVariable long id,
            @ModelAttribute Form form,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response)
            throws IOException {
        TrainingService.Record r = training.get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        TrainingRequest request = request(form, errors);
        if (errors.isEmpty()) {
            try {
                // no file chosen: the record keeps its certificate
                TrainingService.Record saved = training.update(id, request, certificate(file));
                redirect.addFlashAttribute("message", text("training.page.saved"));
                return "redirect:/organizations/" + saved.organizationId() + "/training?year="
                        + saved.completedOn().getYear();
            } catch (FieldProblemException e) {
                refused(e, errors);
            }
        }
        response.setStatus(422);
        return edit(model, r, form, errors);
    }

    @PostMapping("/training-records/{id}/delete")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        TrainingService.Record r = training.get(id);
        training.remove(id);
        redirect.addFlashAttribute("message", text("training.page.removed"));
        return "redirect:/organizations/" + r.organizationId() + "/training?year="
                + r.completedOn().getYear();
    }

    @GetMapping("/training-records/{id}/certificate")
    ResponseEntity<byte[]> certificate(@PathVariable long id) {
        TrainingService.Certificate c = training.certificate(id);
        return Downloads.attachment(c.content(), c.name(), MediaType.parseMediaType(c.contentType()));
    }

    /** The form and its errors, as the record's fields show them. */
    private static String withForm(Model model, Form form, Map<String, String> errors, String view) {
        model.addAttribute("form", form.values());
        model.addAttribute("errors", errors);
        return view;
    }

    /** The request the form holds; a day or a number that cannot be read adds its field's error (and is null). */
    private TrainingRequest request(Form form, Map<String, String> errors) {
        LocalDate on = null;
        BigDecimal h = null;
        try {
            on = FormDates.read(form.completedOn());
        } catch (DateTimeParseException e) {
            errors.put("completedOn", text("training.error.completedOn"));
        }
        try {
            h = blank(form.hours()) ? null : new BigDecimal(form.hours().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put("hours", text("training.error.hours"));
        }
        return new TrainingRequest(form.personName(), form.email(), form.course(), form.provider(), on, h);
    }

    /** The service's refusal, each message next to its field. */
    private void refused(FieldProblemException e, Map<String, String> errors) {
        e.problems().forEach(p -> errors.put(p.field(), text(p.messageKey(), p.args())));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
