/** Housekeeping of Spring Modulith's event publication registry. */
@NullMarked
package vn.khien.platform.events;

import org.jspecify.annotations.NullMarked;
