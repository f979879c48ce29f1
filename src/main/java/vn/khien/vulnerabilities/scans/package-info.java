/** Scan import: uploads and their storage, the matching of parsed findings against the stored ones and the batched
 * writing of the result in one transaction (ADR 0061). */
@NullMarked
package vn.khien.vulnerabilities.scans;

import org.jspecify.annotations.NullMarked;
