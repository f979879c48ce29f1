/** The compliance columns of the register's Mẫu 08 export ({@code RegisterColumnsContributor}). */
package vn.khien.compliance.form08;
