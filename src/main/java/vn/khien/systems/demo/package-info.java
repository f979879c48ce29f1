/** Demo data of the systems module. */
@NullMarked
package vn.khien.systems.demo;

import org.jspecify.annotations.NullMarked;
