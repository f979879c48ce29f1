/** The obligations pages and API, and the account's mail preferences page. */
@NullMarked
package vn.khien.obligations.web;

import org.jspecify.annotations.NullMarked;
