/** The warnings' duty R22, their report figures and their home page lines. */
@NullMarked
package vn.khien.warnings.reporting;

import org.jspecify.annotations.NullMarked;
