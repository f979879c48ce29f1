/** Incident cases, reporting clocks, response plans, teams, hunting, drills and the incident-response network. */
@NullMarked
package vn.khien.incidents;

import org.jspecify.annotations.NullMarked;
