/** Directives and transitional provisions with dated targets ({@code rules/campaigns.yaml}). */
@NullMarked
package vn.khien.systems.campaigns;

import org.jspecify.annotations.NullMarked;
