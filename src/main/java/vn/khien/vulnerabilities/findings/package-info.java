/** Findings with their locations, states, SLA by severity and the six-month scan duty; pages and API. */
@NullMarked
package vn.khien.vulnerabilities.findings;

import org.jspecify.annotations.NullMarked;
