/**
 * The compliance module's evidence of recurring duties for the obligations module ({@link
 * vn.khien.platform.duties.DutySource}): R19, the periodic assessment, and R13, the system's security regulation.
 */
@NullMarked
package vn.khien.compliance.duties;

import org.jspecify.annotations.NullMarked;
