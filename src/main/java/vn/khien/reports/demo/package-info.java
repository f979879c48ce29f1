/** The reports' demo data. */
@NullMarked
package vn.khien.reports.demo;

import org.jspecify.annotations.NullMarked;
