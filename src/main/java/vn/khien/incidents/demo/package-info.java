/** The incidents' demo data. */
@NullMarked
package vn.khien.incidents.demo;

import org.jspecify.annotations.NullMarked;
