package vn.khien.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.khien.identity.DemoData;
import vn.khien.support.Browser;
import vn.khien.support.DemoStart;

/**
 * Issue 9, done-when: a form that loses what was typed on a validation error fails this test; and point 14: every
 * date field reads and writes dd/MM/yyyy whatever the browser's locale (run in vi-VN and in en-US).
 *
 * <p>The forms are enumerated from the templates: every template with a {@code <form method="post">} holding a field
 * a person types into (or a fragment of fields) must be walked here ({@link #WALKED}) or named with its reason
 * ({@link #NOT_WALKED}); a new form template is neither, and the test fails. Each walked form is filled generically
 * (every visible text, number, date, textarea and select field), one field is made invalid (a date that does not
 * exist, or a required field left empty), the browser's own checks are switched off so the server answers, and after
 * the answer every other value must still be there and the invalid field marked with its message next to it.
 */
class FormsKeepTypedInputBrowserTest {

    /** A form page: who opens it, from where (then following the first link matching {@code link}), which form. */
    record Walk(String person, String start, @Nullable String link, String form) {}

    static final Map<String, Walk> WALKED = Map.ofEntries(
            Map.entry("incidents/hunting.html", new Walk("demo.so.ungcuu", "/hunting", null, "#hunting-form")),
            Map.entry("incidents/teams.html", new Walk("demo.quantri", "/response-teams", null, "#team-form")),
            Map.entry(
                    "incidents/team.html",
                    new Walk("demo.so.ungcuu", "/response-teams", "/response-teams/\\d+$", "#rotation-form")),
            Map.entry("awareness/new.html", new Walk("demo.so.canbo", "/awareness/new", null, "#awareness-form")),
            Map.entry("warnings/list.html", new Walk("demo.dieuphoi", "/warnings", null, "#publish-form")),
            Map.entry("systems/show.html", new Walk("demo.bv.canbo", "/systems", "/systems/\\d+$", "#supplier-form")));

    private static final String NEXT = "not walked yet: reached through a prepared object (issue 9 stays open for it)";

    /** Form templates not walked yet, each with its reason (the closing note of issue 9 lists them). */
    static final Map<String, String> NOT_WALKED = Map.ofEntries(
            Map.entry("login.html", "signing in: nothing to keep but the name, kept by Spring Security's page"),
            Map.entry("mfa-enroll.html", "a one-time code: never kept on purpose"),
            Map.entry("mfa-verify.html", "a one-time code: never kept on purpose"),
            Map.entry("tokens.html", "an API token's name and days: no page reached by a test persona yet"),
            Map.entry("access-reviews/show.html", NEXT),
            Map.entry("awareness/edit.html", NEXT),
            Map.entry("compliance/plan.html", NEXT),
            Map.entry("dossiers/legal.html", NEXT),
            Map.entry("dossiers/show.html", NEXT),
            Map.entry("findings/detail.html", NEXT),
            Map.entry("findings/list.html", NEXT),
            Map.entry("incidents/drills.html", NEXT),
            Map.entry("incidents/network.html", NEXT),
            Map.entry("incidents/new.html", NEXT),
            Map.entry("incidents/public-report.html", NEXT),
            Map.entry("incidents/response-plans.html", NEXT),
            Map.entry("incidents/show.html", NEXT),
            Map.entry("incidents/team-member.html", NEXT),
            Map.entry("obligations/budget-edit.html", NEXT),
            Map.entry("obligations/budget.html", NEXT),
            Map.entry("obligations/supplier.html", NEXT),
            Map.entry("organizations/form.html", NEXT),
            Map.entry("reports/list.html", NEXT),
            Map.entry("reports/show.html", NEXT),
            Map.entry("scans/system.html", NEXT),
            Map.entry("systems/classify.html", NEXT),
            Map.entry("systems/critical-list.html", NEXT),
            Map.entry("systems/designations.html", NEXT),
            Map.entry("systems/form.html", NEXT),
            Map.entry("systems/operator.html", NEXT),
            Map.entry("systems/operators.html", NEXT),
            Map.entry("training/edit.html", NEXT),
            Map.entry("training/organization.html", NEXT),
            Map.entry("users/form.html", NEXT),
            Map.entry("users/show.html", NEXT),
            Map.entry("warnings/detail.html", NEXT));

    @TempDir
    Path workDir;

    /** Every template with a post form holding a typed field or a fragment of fields. */
    static List<String> formTemplates() throws IOException {
        Path root = Path.of("src/main/resources/templates");
        Pattern form = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
        Pattern typed = Pattern.compile(
                "<textarea|<select|th:(replace|insert)=|<input\\b(?![^>]*type=\"(hidden|checkbox|radio|file|submit|button)\")",
                Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = form.matcher(Files.readString(p));
                while (m.find()) {
                    if (m.group(1).toLowerCase().contains("method=\"post\"")
                            && typed.matcher(m.group(2)).find()) {
                        found.add(root.relativize(p).toString().replace('\\', '/'));
                        break;
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return found;
    }

    @Test
    void everyFormTemplateIsWalkedOrNamedWithItsReason() throws IOException {
        List<String> templates = formTemplates();
        assertThat(templates).as("form templates found").hasSizeGreaterThan(20);
        TreeSet<String> missing = new TreeSet<>(templates);
        missing.removeAll(WALKED.keySet());
        missing.removeAll(NOT_WALKED.keySet());
        assertThat(missing)
                .as("form templates neither walked nor named with a reason")
                .isEmpty();
        assertThat(templates).as("every walked template still has its form").containsAll(WALKED.keySet());
    }

    /** Fills the form generically; returns {values: {name: typed}, invalid: name} or {error: why}. */
    static final String FILL = """
            ([sel, invalidDate]) => {
              const form = document.querySelector(sel);
              if (!form) { return {error: 'no form ' + sel}; }
              const values = {}; let invalid = null; let required = null;
              const shown = el => el.offsetParent !== null && !el.disabled && !el.readOnly && el.name;
              let n = 0;
              for (const el of Array.from(form.elements)) {
                if (!shown(el) || values[el.name] !== undefined) { continue; }
                const type = (el.getAttribute('type') || 'text').toLowerCase();
                if (el.tagName === 'SELECT') {
                  if (el.multiple) { continue; }
                  const opts = Array.from(el.options).filter(o => o.value !== '' && !o.disabled);
                  if (opts.length === 0) { continue; }
                  el.value = opts[opts.length - 1].value;
                } else if (el.tagName === 'TEXTAREA' || ['text', 'number', 'email', 'tel', 'url', 'search'].includes(type)) {
                  n++;
                  if (el.hasAttribute('data-date-input')) {
                    el.value = String(10 + n % 18).padStart(2, '0') + '/0' + (1 + n % 9) + '/2026';
                    if (invalid === null) { invalid = el.name; el.value = invalidDate; }
                  } else if (type === 'number') {
                    el.value = String(n);
                  } else if (type === 'email') {
                    el.value = 'giu.lai' + n + '@example.vn';
                  } else {
                    el.value = 'Giữ lại ' + n;
                  }
                  if (required === null && el.required && !el.hasAttribute('data-date-input')) { required = el.name; }
                } else {
                  continue;
                }
                values[el.name] = el.value;
              }
              if (invalid === null && required !== null) { invalid = required; form.elements[required].value = ''; values[required] = ''; }
              if (invalid === null) { return {error: 'nothing to make invalid in ' + sel}; }
              form.noValidate = true;
              return {values: values, invalid: invalid};
            }
            """;

    /** What the answered page shows: the form's values and whether the invalid field has its message beside it. */
    static final String READ = """
            ([sel, invalid]) => {
              const form = document.querySelector(sel);
              if (!form) { return {error: 'the form ' + sel + ' is gone after the refusal (' + location.pathname + ')'}; }
              const values = {};
              for (const el of Array.from(form.elements)) {
                if (el.name && values[el.name] === undefined && el.type !== 'hidden') { values[el.name] = el.value; }
              }
              const field = form.elements[invalid];
              const f = field && field.length !== undefined && field.tagName === undefined ? field[0] : field;
              let marked = false;
              if (f) {
                const box = f.closest('div');
                const feedback = box ? box.querySelector('.invalid-feedback, .form-error, [id^=error-]') : null;
                marked = f.classList.contains('is-invalid') && feedback !== null && feedback.offsetParent !== null
                    && feedback.textContent.trim() !== '';
              }
              return {values: values, marked: marked};
            }
            """;

    @Test
    @SuppressWarnings("unchecked")
    void everyWalkedFormKeepsWhatWasTypedAndSaysTheErrorAtItsFieldInVietnameseAndEnglishBrowsers() {
        try (ConfigurableApplicationContext ctx =
                DemoStart.run(workDir, "--khien.scans.reports-dir=" + workDir.resolve("reports"))) {
            String base = DemoStart.base(ctx);
            List<String> problems = new ArrayList<>();
            try (Browser browser = Browser.open(base)) {
                for (String locale : List.of("vi-VN", "en-US")) {
                    for (Map.Entry<String, Walk> e : new java.util.TreeMap<>(WALKED).entrySet()) {
                        Walk w = e.getValue();
                        String where = e.getKey() + " [" + locale + "] ";
                        Page page = browser.newPage(locale);
                        page.onDialog(d -> d.accept());
                        Browser.signIn(page, w.person(), DemoData.PASSWORD);
                        page.navigate(w.start());
                        if (w.link() != null) {
                            String href = (String) page.evaluate(
                                    "re => (Array.from(document.querySelectorAll('a[href]'))"
                                            + ".map(a => a.getAttribute('href')).find(h => new RegExp(re).test(h.split('?')[0])) || null)",
                                    w.link());
                            if (href == null) {
                                problems.add(where + "no link " + w.link() + " on " + w.start());
                                page.context().close();
                                continue;
                            }
                            page.navigate(href);
                        }
                        // the date fields are text fields whatever the browser's locale
                        Object nativeDates =
                                page.evaluate("() => document.querySelectorAll('input[type=date]').length");
                        if (((Number) nativeDates).intValue() != 0) {
                            problems.add(where + "native date inputs: " + nativeDates);
                        }
                        Map<String, Object> filled =
                                (Map<String, Object>) page.evaluate(FILL, List.of(w.form(), "31/02/2026"));
                        if (filled.get("error") != null) {
                            problems.add(where + filled.get("error"));
                            page.context().close();
                            continue;
                        }
                        String invalid = (String) filled.get("invalid");
                        page.waitForNavigation(() -> page.evaluate(
                                "sel => { const f = document.querySelector(sel);"
                                        + " f.requestSubmit(f.querySelector('[type=submit], button:not([type])')); }",
                                w.form()));
                        page.waitForLoadState();
                        Browser.screenshot(page, "forms-keep/" + e.getKey().replace('/', '_') + "-" + locale);
                        Map<String, Object> after =
                                (Map<String, Object>) page.evaluate(READ, List.of(w.form(), invalid));
                        if (after.get("error") != null) {
                            problems.add(where + after.get("error"));
                        } else {
                            Map<String, Object> shown = (Map<String, Object>) after.get("values");
                            ((Map<String, Object>) filled.get("values")).forEach((name, typed) -> {
                                if (!String.valueOf(typed).equals(String.valueOf(shown.get(name)))) {
                                    problems.add(where + "field " + name + " typed '" + typed + "' shows '"
                                            + shown.get(name) + "'");
                                }
                            });
                            if (!Boolean.TRUE.equals(after.get("marked"))) {
                                problems.add(where + "field " + invalid + " refused without its message beside it");
                            }
                        }
                        page.context().close();
                    }
                }
            }
            assertThat(problems)
                    .as("forms that lose what was typed or say the error elsewhere")
                    .isEmpty();
        }
    }
}
