package vn.khien.reports.figures;

import org.jspecify.annotations.Nullable;

/**
 * One line of a figure's drill-down page: an organisation below (its value, a link to its own drill-down, and for a
 * report the child's state message key).
 */
public record DrillLine(
        String name,
        @Nullable Long value,
        @Nullable String link,
        @Nullable String stateKey) {}
