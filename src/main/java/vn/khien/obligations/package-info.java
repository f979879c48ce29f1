/**
 * Obligations: the recurring legal duties R01–R48 (rule data in {@code rules/obligations/catalogue.yaml}) evaluated per
 * system and per organisation from the evidence feature modules report through
 * {@link vn.khien.platform.duties.DutySource}; pages, API, reminders. No feature module depends on this one.
 */
@NullMarked
package vn.khien.obligations;

import org.jspecify.annotations.NullMarked;
