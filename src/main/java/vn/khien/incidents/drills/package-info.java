/** Drills and their findings, which become compliance tasks. */
@NullMarked
package vn.khien.incidents.drills;

import org.jspecify.annotations.NullMarked;
