/**
 * The extension point through which feature modules contribute figures to periodic reports and dashboards without
 * the reports module depending on them: {@link vn.khien.platform.figures.FigureSource} beans.
 */
@NullMarked
@NamedInterface("figures")
package vn.khien.platform.figures;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
