/** The compliance columns of the register's Mẫu 08 export ({@code RegisterColumnsContributor}). */
@NullMarked
package vn.khien.compliance.form08;

import org.jspecify.annotations.NullMarked;
