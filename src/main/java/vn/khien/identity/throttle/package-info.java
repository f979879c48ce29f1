/** Sign-in throttling and the security events administrators read (ADR 0017). */
@NullMarked
package vn.khien.identity.throttle;

import org.jspecify.annotations.NullMarked;
