/** Register figures for reports and dashboards. */
@NullMarked
package vn.khien.systems.figures;

import org.jspecify.annotations.NullMarked;
