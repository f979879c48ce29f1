/** Response plans per system: versioned, approved by the owner, flagged on a change of the system. */
@NullMarked
package vn.khien.incidents.plans;

import org.jspecify.annotations.NullMarked;
