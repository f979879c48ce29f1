/** Notices to people stored in table {@code notice}: the implementation of {@link vn.khien.identity.Notifications}. */
@NullMarked
package vn.khien.identity.notify;

import org.jspecify.annotations.NullMarked;
