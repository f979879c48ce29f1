/** The mail digest of notices and obligations: composing, preferences and the rules it follows. */
@NullMarked
package vn.khien.obligations.mail;

import org.jspecify.annotations.NullMarked;
