/** Legal time limits of the dossier procedure: day counting, holidays and due dates. */
@NullMarked
package vn.khien.systems.deadlines;

import org.jspecify.annotations.NullMarked;
