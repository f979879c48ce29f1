/** Classification of a system's level under NĐ 85/2016 and NĐ 331/2026, stored with its answers. */
@NullMarked
package vn.khien.systems.levels;

import org.jspecify.annotations.NullMarked;
