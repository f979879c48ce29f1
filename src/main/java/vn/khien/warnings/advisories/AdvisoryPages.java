package vn.khien.warnings.advisories;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
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
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.platform.FormDates;
import vn.khien.platform.NotFoundException;

/**
 * The advisory import page for the operators who keep the library: upload KEV/NVD/CSAF/OSV/MISP files (each file
 * its own all-or-nothing import), or import every file of the configured feeds folder
 * ({@code khien.warnings.feeds-dir}, filled by whatever carries files into a closed network); the result per file
 * (added, updated, or rejected and why) is shown in the user's language.
 */
@Controller
class AdvisoryPages {

    private final AdvisoryImportService imports;
    private final AdvisoryLibrary library;
    private final MessageSource messages;
    private final String feedsDir;
    // "publish as warning" is offered to those who may publish (the warnings' rule; none in module tests)
    private final List<WarningPublishers> publishers;

    AdvisoryPages(
            AdvisoryImportService imports,
            AdvisoryLibrary library,
            MessageSource messages,
            @Value("${khien.warnings.feeds-dir:}") String feedsDir,
            List<WarningPublishers> publishers) {
        this.publishers = publishers;
        this.imports = imports;
        this.library = library;
        this.messages = messages;
        this.feedsDir = feedsDir == null ? "" : feedsDir.trim();
    }

    /**
     * One file's outcome on the page. {@code problems}: every reason a rejected file was refused (each schema error
     * with its place), in order; {@code advisoryId} and {@code checks}: the advisory a CSAF document became and the
     * CSAF tests it failed without being refused (ADR 0062).
     */
    record Outcome(
            String file,
            String kind,
            int advisories,
            int created,
            int updated,
            int findingsMarked,
            String rejected,
            List<String> problems,
            Long advisoryId,
            List<CsafCheck> checks,
            int checksTotal)
            implements Serializable {}

    private static final Set<String> KINDS =
            Arrays.stream(FeedKind.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    private static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    /**
     * The library: what it holds by source, the import form for those who keep it, and the list of advisories with
     * its filters, a page at a time with the count; "publish as warning" for those who may publish (ADR 0073).
     */
    @GetMapping("/advisories")
    String page(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String cve,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false, defaultValue = "false") boolean kev,
            @RequestParam(required = false, defaultValue = "false") boolean mine,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false, defaultValue = "1") int page,
            Model model) {
        model.addAttribute("byKind", imports.countsByKind());
        model.addAttribute("feedsConfigured", !feedsDir.isEmpty());
        model.addAttribute("canImport", imports.mayImport());
        model.addAttribute("canPublish", publishers.stream().anyMatch(WarningPublishers::mayPublish));
        Map<String, String> filterErrors = new LinkedHashMap<>();
        String k = kind == null || kind.isBlank() ? null : kind.strip().toUpperCase(Locale.ROOT);
        if (k != null && !KINDS.contains(k)) {
            filterErrors.put("kind", text("warnings.advisories.badKind", k));
            k = null;
        }
        String s =
                severity == null || severity.isBlank() ? null : severity.strip().toUpperCase(Locale.ROOT);
        if (s != null && !SEVERITIES.contains(s)) {
            filterErrors.put("severity", text("warnings.advisories.badSeverity", s));
            s = null;
        }
        String c = cve == null || cve.isBlank() ? null : cve.strip();
        LocalDate fromDay = day(from, "from", filterErrors);
        LocalDate toDay = day(to, "to", filterErrors);
        AdvisoryLibrary.Page list = library.list(new AdvisoryLibrary.Query(k, c, s, kev, mine, fromDay, toDay, page));
        model.addAttribute("list", list);
        model.addAttribute(
                "kinds", Arrays.stream(FeedKind.values()).map(Enum::name).toList());
        model.addAttribute("severities", SEVERITIES);
        model.addAttribute("filterErrors", filterErrors);
        model.addAttribute("f", new Shown(k, c, s, kev, mine, FormDates.shown(from), FormDates.shown(to)));
        model.addAttribute(
                "filtered", k != null || c != null || s != null || kev || mine || fromDay != null || toDay != null);
        return "warnings/advisories";
    }

    /** The filters as the form shows them back (days as dd/MM/yyyy). */
    record Shown(
            @Nullable String kind,
            @Nullable String cve,
            @Nullable String severity,
            boolean kev,
            boolean mine,
            @Nullable String from,
            @Nullable String to) {}

    private @Nullable LocalDate day(@Nullable String value, String field, Map<String, String> errors) {
        try {
            return FormDates.read(value);
        } catch (DateTimeParseException e) {
            errors.put(field, text("warnings.advisories.badDate", FormDates.shown(value)));
            return null;
        }
    }

    /** One advisory of the library (public reference data), with the CSAF tests it failed without being refused. */
    @GetMapping("/advisories/{id}")
    String advisory(@PathVariable long id, Model model) {
        model.addAttribute("a", library.byId(id).orElseThrow(() -> new NotFoundException("advisory")));
        model.addAttribute("checks", library.checks(id));
        model.addAttribute("checksTotal", library.checksTotal(id));
        model.addAttribute("canPublish", publishers.stream().anyMatch(WarningPublishers::mayPublish));
        return "warnings/advisory";
    }

    @PostMapping("/advisories")
    String upload(
            @RequestParam(value = "file", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        List<Outcome> out = new ArrayList<>();
        try {
            imports.requireImporter();
            if (files == null || files.stream().allMatch(MultipartFile::isEmpty)) {
                throw new FieldProblemException("file", "validation.required");
            }
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    out.add(one(f.getOriginalFilename(), f::getInputStream));
                }
            }
            redirect.addFlashAttribute("outcomes", out);
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("error", allProblems(e).get(0));
        }
        return "redirect:/advisories";
    }

    @PostMapping("/advisories/feeds")
    String runFeeds(RedirectAttributes redirect) {
        try {
            imports.requireImporter();
            if (feedsDir.isEmpty()) {
                throw new FieldProblemException("feeds", "warnings.advisories.noFeeds");
            }
            List<Outcome> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(Path.of(feedsDir))) {
                for (Path p : files.filter(Files::isRegularFile)
                        .filter(x -> x.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    out.add(one(p.getFileName().toString(), () -> Files.newInputStream(p)));
                }
            } catch (IOException e) {
                throw new FieldProblemException("feeds", "warnings.advisories.feedsUnreadable");
            }
            redirect.addFlashAttribute("outcomes", out);
        } catch (ForbiddenActionException e) {
            redirect.addFlashAttribute("error", text(e.messageKey()));
        } catch (FieldProblemException e) {
            redirect.addFlashAttribute("error", allProblems(e).get(0));
        }
        return "redirect:/advisories";
    }

    private Outcome one(String name, AdvisoryImportService.Source source) {
        try {
            AdvisoryImportService.Result r = imports.importFeed(name, source);
            return new Outcome(
                    name,
                    r.kind().name(),
                    r.advisories(),
                    r.created(),
                    r.updated(),
                    r.findingsMarked(),
                    null,
                    List.of(),
                    r.advisoryId(),
                    r.checks(),
                    r.checksTotal());
        } catch (FieldProblemException e) {
            List<String> all = allProblems(e);
            return new Outcome(
                    name, null, 0, 0, 0, 0, all.get(0), List.copyOf(all.subList(1, all.size())), null, List.of(), 0);
        }
    }

    private List<String> allProblems(FieldProblemException e) {
        return e.problems().stream().map(p -> text(p.messageKey(), p.args())).toList();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
