package vn.khien.platform.figures;

import java.time.LocalDate;

/**
 * The period a figure is computed for: inclusive first and last day (for the annual level report, 15/12 to 14/12
 * per TT 12/2022 Đ14 — the reports module derives the days from its rule data). "As of" figures such as open
 * findings are read at the end of the last day.
 */
public record FigurePeriod(LocalDate from, LocalDate to) {

    public FigurePeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " – " + to);
        }
    }
}
