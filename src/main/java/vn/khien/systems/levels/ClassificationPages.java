package vn.khien.systems.levels;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.systems.classification.Answers;
import vn.khien.systems.classification.Question;
import vn.khien.systems.classification.QuestionType;
import vn.khien.systems.classification.Regime;
import vn.khien.systems.register.InformationKind;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.ProblemMessages;
import vn.khien.systems.register.SystemService;

/**
 * The guided classification form: the questions of the chosen regime, once per part of a composite system.
 * Answers are prefilled from the last classification under the same regime, otherwise from the register; only the
 * questions that apply to the answers so far are shown (the rule data's {@code required_when}); every missing or
 * invalid answer is reported at once, next to its question, and nothing typed is lost.
 */
@Controller
class ClassificationPages {
    private static final int MAX_PARTS = 10;

    private final ClassificationService service;
    private final SystemService systems;
    private final ProblemMessages problems;

    public ClassificationPages(ClassificationService service, SystemService systems, ProblemMessages problems) {
        this.service = service;
        this.systems = systems;
        this.problems = problems;
    }

    @GetMapping("/systems/{id}/classify")
    String form(
            @PathVariable long id,
            @RequestParam(required = false) String regime,
            @RequestParam(defaultValue = "1") int parts,
            Model model) {
        InformationSystem s = systems.get(id);
        if (!systems.canEdit(s)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        Regime r = regimeOrDefault(regime == null || regime.isBlank() ? service.regimeFor(s) : regime, s);
        int n = clampParts(parts);
        return render(model, s, r, n, prefill(s, r, n), new LinkedHashMap<>(), List.of());
    }

    /** Which questions apply to the answers typed so far: the page hides the others without reloading. */
    @PostMapping("/systems/{id}/classify/applicable")
    @ResponseBody
    List<String> applicable(@PathVariable long id, @RequestParam MultiValueMap<String, String> form) {
        InformationSystem s = systems.get(id);
        Regime regime = regimeOrDefault(form.getFirst("regime"), s);
        int parts = clampParts(parse(form.getFirst("parts"), 1));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            Answers answers = Answers.of(answers(regime, form, "q" + i + ".", new LinkedHashMap<>()));
            for (Question q : regime.questions()) {
                if (applies(q, answers)) {
                    keys.add("q" + i + "." + q.id());
                }
            }
        }
        return keys;
    }

    @PostMapping("/systems/{id}/classify")
    String classify(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model) {
        InformationSystem s = systems.get(id);
        int parts = clampParts(parse(form.getFirst("parts"), 1));
        Regime regime = regimeOrDefault(form.getFirst("regime"), s);
        ClassificationRequest request = new ClassificationRequest();
        request.setRegime(regime.id());
        List<ClassificationRequest.Part> partList = new ArrayList<>();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        for (int i = 0; i < parts; i++) {
            String prefix = "q" + i + ".";
            Map<String, Object> answers = answers(regime, form, prefix, fieldErrors);
            Answers given = Answers.of(answers);
            for (Question q : regime.questions()) {
                String key = prefix + q.id();
                if (!applies(q, given)) {
                    answers.remove(q.id());
                } else if (!answers.containsKey(q.id()) && q.isRequiredGiven(given) && !fieldErrors.containsKey(key)) {
                    fieldErrors.put(key, problems.text("classify.answerRequired"));
                }
            }
            partList.add(new ClassificationRequest.Part(blank(form.getFirst("partName" + i)), answers));
        }
        request.setParts(parts > 1 ? partList : List.of());
        request.setAnswers(partList.get(0).getAnswers());
        String chosen = blank(form.getFirst("chosenLevel"));
        request.setChosenLevel(chosen == null ? null : parse(chosen, 0));
        request.setJustification(blank(form.getFirst("justification")));
        List<String> errors = new ArrayList<>();
        if (fieldErrors.isEmpty()) {
            try {
                service.classify(id, request);
                return "redirect:/systems/" + id + "?classified";
            } catch (FieldProblemException e) {
                for (FieldProblemException.FieldProblem p : e.problems()) {
                    String key = formKey(p.field());
                    String text = problems.text(p.messageKey(), questionText(regime, p.args()));
                    if (key != null) {
                        fieldErrors.put(key, text);
                    } else {
                        errors.add(text);
                    }
                }
            }
        }
        return render(model, s, regime, parts, form, fieldErrors, errors);
    }

    private String render(
            Model model,
            InformationSystem s,
            Regime regime,
            int parts,
            MultiValueMap<String, String> values,
            Map<String, String> fieldErrors,
            List<String> errors) {
        Set<String> shown = new LinkedHashSet<>();
        for (int i = 0; i < parts; i++) {
            Answers answers = Answers.of(answers(regime, values, "q" + i + ".", new LinkedHashMap<>()));
            for (Question q : regime.questions()) {
                if (applies(q, answers)) {
                    shown.add("q" + i + "." + q.id());
                }
            }
        }
        List<ErrorLink> summary = new ArrayList<>();
        fieldErrors.forEach((key, text) -> summary.add(new ErrorLink(key, labelOf(regime, key), text)));
        model.addAttribute("system", s);
        model.addAttribute("regime", regime);
        model.addAttribute("regimes", service.regimes().all());
        model.addAttribute("parts", parts);
        model.addAttribute("values", values.toSingleValueMap());
        model.addAttribute("multi", values);
        model.addAttribute("shown", shown);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("errorSummary", summary);
        model.addAttribute("errors", errors);
        return "systems/classify";
    }

    /** One line of the summary above the form: a link to the question, by its text. */
    public record ErrorLink(String key, String label, String text) {}

    private String labelOf(Regime regime, String key) {
        int dot = key.indexOf('.');
        if (key.startsWith("q") && dot > 0) {
            return regime.question(key.substring(dot + 1))
                    .map(q -> english() ? q.textEn() : q.textVi())
                    .orElse(key);
        }
        return problems.text("classify.field." + key);
    }

    private Object[] questionText(Regime regime, Object[] args) {
        if (args == null) {
            return new Object[0];
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String id) {
                out[i] = regime.question(id)
                        .map(q -> english() ? q.textEn() : q.textVi())
                        .orElse(id);
            }
        }
        return out;
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** answers.x → q0.x; parts[2].answers.x → q2.x; chosenLevel and justification as they are. */
    private static @Nullable String formKey(@Nullable String field) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("answers.")) {
            return "q0." + field.substring("answers.".length());
        }
        Matcher m = Pattern.compile("parts\\[(\\d+)]\\.answers\\.(.+)").matcher(field);
        if (m.matches()) {
            return "q" + m.group(1) + "." + m.group(2);
        }
        if (field.equals("chosenLevel") || field.equals("justification")) {
            return field;
        }
        return null;
    }

    /** Optional questions always show; conditional ones only once the answers so far make them required. */
    static boolean applies(Question q, Answers answers) {
        return q.required() || q.requiredWhen() == null || q.requiredWhen().isMetBy(answers);
    }

    /** The last classification's answers under the same regime, otherwise what the register already knows. */
    private MultiValueMap<String, String> prefill(InformationSystem s, Regime regime, int parts) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        StoredClassification last = service.current(s.id()).orElse(null);
        if (last != null && last.regime().equals(regime.id()) && last.parts().size() == parts) {
            for (int index = 0; index < parts; index++) {
                final int i = index;
                Map<String, Object> part = last.parts().get(i);
                if (parts > 1 && part.get("name") != null) {
                    values.add("partName" + i, part.get("name").toString());
                }
                if (part.get("answers") instanceof Map<?, ?> answers) {
                    answers.forEach((k, v) -> {
                        if (v instanceof Collection<?> many) {
                            many.forEach(o -> values.add("q" + i + "." + k, String.valueOf(o)));
                        } else if (v != null) {
                            values.add("q" + i + "." + k, String.valueOf(v));
                        }
                    });
                }
            }
            return values;
        }
        for (int i = 0; i < parts; i++) {
            String prefix = "q" + i + ".";
            Map<String, Question> qs = regime.questionsById();
            Question type = qs.get("system_type");
            if (type != null && s.systemType() != null) {
                // The register and the classification rules share one vocabulary (issue 9, point 21).
                String code = s.systemType().name();
                if (type.options().contains(code)) {
                    values.add(prefix + "system_type", code);
                }
            }
            Question info = qs.get("info_types");
            if (info != null && s.informationKinds() != null) {
                Set<String> codes = new LinkedHashSet<>();
                for (InformationKind k : s.informationKinds()) {
                    codes.add(k == InformationKind.SENSITIVE_PERSONAL ? "PERSONAL" : k.name());
                }
                codes.stream().filter(info.options()::contains).forEach(c -> values.add(prefix + "info_types", c));
            }
            if (s.dataSubjectCount() != null && qs.containsKey("basic_pd_subjects")) {
                values.add(prefix + "basic_pd_subjects", String.valueOf(s.dataSubjectCount()));
            }
            if (s.userCount() != null && qs.containsKey("users")) {
                values.add(prefix + "users", String.valueOf(s.userCount()));
            }
        }
        return values;
    }

    private Regime regimeOrDefault(@Nullable String regimeId, InformationSystem s) {
        return service.regimes().all().stream()
                .filter(r -> r.id().equals(regimeId))
                .findFirst()
                .orElseGet(() -> service.regimes().get(service.regimeFor(s)));
    }

    private Map<String, Object> answers(
            Regime regime, MultiValueMap<String, String> form, String prefix, Map<String, String> errors) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : regime.questions()) {
            String key = prefix + q.id();
            if (q.type() == QuestionType.MULTI_CHOICE) {
                List<String> values = form.get(key);
                if (values != null && !values.isEmpty()) {
                    answers.put(q.id(), new ArrayList<>(values));
                }
                continue;
            }
            String value = blank(form.getFirst(key));
            if (value == null) {
                continue;
            }
            if (q.type() == QuestionType.BOOLEAN) {
                answers.put(q.id(), Boolean.parseBoolean(value));
            } else if (q.type() == QuestionType.NUMBER) {
                try {
                    long number = Long.parseLong(value.replace(".", "")
                            .replace(",", "")
                            .replace(" ", "")
                            .trim());
                    boolean low =
                            q.min() != null && BigDecimal.valueOf(number).compareTo(BigDecimal.valueOf(q.min())) < 0;
                    boolean high =
                            q.max() != null && BigDecimal.valueOf(number).compareTo(BigDecimal.valueOf(q.max())) > 0;
                    if (low || high) {
                        errors.put(
                                key,
                                problems.text(
                                        "classify.outOfRange",
                                        q.min() == null ? "" : q.min(),
                                        q.max() == null ? "" : q.max()));
                    } else {
                        answers.put(q.id(), number);
                    }
                } catch (NumberFormatException e) {
                    errors.put(key, problems.text("classify.notANumber"));
                }
            } else {
                answers.put(q.id(), value);
            }
        }
        return answers;
    }

    private static int clampParts(int parts) {
        return Math.max(1, Math.min(MAX_PARTS, parts));
    }

    private static int parse(@Nullable String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
