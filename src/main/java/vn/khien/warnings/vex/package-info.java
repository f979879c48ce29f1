/** VEX documents (CSAF, CycloneDX, OpenVEX) read as bulk answers to a warning (ADR 0014). */
@NullMarked
package vn.khien.warnings.vex;

import org.jspecify.annotations.NullMarked;
