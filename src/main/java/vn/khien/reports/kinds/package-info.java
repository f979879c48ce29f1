/** Report kinds and their periods. */
@NullMarked
package vn.khien.reports.kinds;

import org.jspecify.annotations.NullMarked;
