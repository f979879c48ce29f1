/** Where a subtree stands toward "100% of systems with an approved level". */
@NullMarked
package vn.khien.systems.progress;

import org.jspecify.annotations.NullMarked;
