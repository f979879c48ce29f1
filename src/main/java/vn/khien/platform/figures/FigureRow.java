package vn.khien.platform.figures;

import org.jspecify.annotations.Nullable;

/** One row behind a figure: a label for people and the application path where it is shown. */
public record FigureRow(String label, @Nullable String link) {}
