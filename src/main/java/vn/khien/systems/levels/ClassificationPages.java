package vn.khien.systems.levels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.platform.FieldProblemException;
import vn.khien.platform.ForbiddenActionException;
import vn.khien.systems.classification.Question;
import vn.khien.systems.classification.QuestionType;
import vn.khien.systems.classification.Regime;
import vn.khien.systems.register.InformationSystem;
import vn.khien.systems.register.ProblemMessages;
import vn.khien.systems.register.SystemService;

/** The guided classification form: the questions of the chosen regime, once per part of a composite system. */
@Controller
public class ClassificationPages {
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
    String form(@PathVariable long id, @RequestParam(required = false) String regime,
                @RequestParam(defaultValue = "1") int parts, Model model) {
        InformationSystem s = systems.get(id);
        if (!systems.canEdit(s)) {
            throw new ForbiddenActionException("error.forbidden");
        }
        return render(model, s, regime == null || regime.isBlank() ? service.regimeFor(s) : regime, parts,
                new LinkedHashMap<>(), List.of());
    }

    @PostMapping("/systems/{id}/classify")
    String classify(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model) {
        InformationSystem s = systems.get(id);
        String regimeId = form.getFirst("regime");
        int parts = clampParts(parse(form.getFirst("parts"), 1));
        Regime regime = regimeOrDefault(regimeId, s);
        ClassificationRequest request = new ClassificationRequest();
        request.setRegime(regime.id());
        List<ClassificationRequest.Part> partList = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            partList.add(new ClassificationRequest.Part(blank(form.getFirst("partName" + i)),
                    answers(regime, form, "q" + i + ".", errors)));
        }
        request.setParts(parts > 1 ? partList : List.of());
        request.setAnswers(partList.get(0).getAnswers());
        String chosen = blank(form.getFirst("chosenLevel"));
        request.setChosenLevel(chosen == null ? null : parse(chosen, 0));
        request.setJustification(blank(form.getFirst("justification")));
        if (errors.isEmpty()) {
            try {
                service.classify(id, request);
                return "redirect:/systems/" + id;
            } catch (FieldProblemException e) {
                errors.addAll(problems.of(e));
            }
        }
        return render(model, s, regime.id(), parts, form.toSingleValueMap(), errors, form);
    }

    private String render(Model model, InformationSystem s, String regimeId, int parts, Map<String, String> values,
                          List<String> errors) {
        return render(model, s, regimeId, parts, values, errors, null);
    }

    private String render(Model model, InformationSystem s, String regimeId, int parts, Map<String, String> values,
                          List<String> errors, MultiValueMap<String, String> multi) {
        model.addAttribute("system", s);
        model.addAttribute("regime", regimeOrDefault(regimeId, s));
        model.addAttribute("regimes", service.regimes().all());
        model.addAttribute("parts", clampParts(parts));
        model.addAttribute("values", values);
        model.addAttribute("multi", multi == null ? new org.springframework.util.LinkedMultiValueMap<String, String>() : multi);
        model.addAttribute("errors", errors);
        return "systems/classify";
    }

    private Regime regimeOrDefault(String regimeId, InformationSystem s) {
        return service.regimes().all().stream().filter(r -> r.id().equals(regimeId)).findFirst()
                .orElseGet(() -> service.regimes().get(service.regimeFor(s)));
    }

    private Map<String, Object> answers(Regime regime, MultiValueMap<String, String> form, String prefix,
                                        List<String> errors) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : regime.questions()) {
            String key = prefix + q.id();
            if (q.type() == QuestionType.MULTI_CHOICE) {
                List<String> values = form.get(key);
                if (values != null && !values.isEmpty()) {
                    answers.put(q.id(), values);
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
                    answers.put(q.id(), Long.parseLong(value.replace(".", "").replace(",", "").trim()));
                } catch (NumberFormatException e) {
                    errors.add(problems.text("systems.classify.invalidAnswer.WRONG_TYPE", q.id()));
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

    private static int parse(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
