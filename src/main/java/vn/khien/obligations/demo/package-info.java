/** Demo data of the obligations (the {@code --demo} seed) and the lock the demo seeders share. */
@NullMarked
package vn.khien.obligations.demo;

import org.jspecify.annotations.NullMarked;
