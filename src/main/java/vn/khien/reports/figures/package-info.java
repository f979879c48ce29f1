/** The one code path from {@code FigureSource} beans to a report's or a dashboard's figures. */
@NullMarked
package vn.khien.reports.figures;

import org.jspecify.annotations.NullMarked;
