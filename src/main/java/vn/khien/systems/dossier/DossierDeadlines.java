package vn.khien.systems.dossier;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.khien.systems.deadlines.Deadline;
import vn.khien.systems.deadlines.DeadlineCalculator;
import vn.khien.systems.deadlines.ProcedureStep;
import vn.khien.systems.deadlines.TimeLimitCatalog;

/** The legal due day of a workflow step, from the time-limit data and the working-day calendar. */
@Component
public class DossierDeadlines {
    private final TimeLimitCatalog limits;
    private final DeadlineCalculator calculator;

    public DossierDeadlines(TimeLimitCatalog limits, DeadlineCalculator calculator) {
        this.limits = limits;
        this.calculator = calculator;
    }

    /** Empty when the law sets no limit for the step (e.g. appraisal of levels 1–2). */
    public Optional<Deadline> due(String regime, ProcedureStep step, int level, LocalDate received) {
        return limits.find(regime, step, level, received).map(limit -> calculator.due(received, limit));
    }
}
