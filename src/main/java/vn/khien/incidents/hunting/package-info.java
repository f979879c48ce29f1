/** Threat-hunting campaigns and their findings (ADR 0031). */
@NullMarked
package vn.khien.incidents.hunting;

import org.jspecify.annotations.NullMarked;
