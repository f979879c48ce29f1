/**
 * The compliance module's figures for reports and dashboards ({@link vn.khien.platform.figures.FigureSource}): plans
 * derived and fully deployed, assessments done and due, security regulations issued.
 */
@NullMarked
package vn.khien.compliance.figures;

import org.jspecify.annotations.NullMarked;
