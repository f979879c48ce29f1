/**
 * The extension point through which feature modules contribute figures to periodic reports and dashboards without
 * the reports module depending on them: {@link vn.khien.platform.figures.FigureSource} beans.
 */
@NamedInterface("figures")
package vn.khien.platform.figures;

import org.springframework.modulith.NamedInterface;
