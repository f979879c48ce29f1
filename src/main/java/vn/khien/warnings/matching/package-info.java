/** The matching engine: CPE 2.3 and NVD configurations, purl with version ranges, OSV (plain Java, ADR 0016). */
@NullMarked
package vn.khien.warnings.matching;

import org.jspecify.annotations.NullMarked;
