/** The home page's findings lines: overdue and critical open findings in the caller's scope. */
@NullMarked
package vn.khien.vulnerabilities.attention;

import org.jspecify.annotations.NullMarked;
