/** The reporting clocks by regime as rule data (plain Java, ADR 0018). */
@NullMarked
package vn.khien.incidents.deadlines;

import org.jspecify.annotations.NullMarked;
