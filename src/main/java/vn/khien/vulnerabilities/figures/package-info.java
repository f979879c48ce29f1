/** Vulnerability figures for reports and dashboards. */
@NullMarked
package vn.khien.vulnerabilities.figures;

import org.jspecify.annotations.NullMarked;
