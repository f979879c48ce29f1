package vn.khien.obligations.suppliers;

import org.jspecify.annotations.Nullable;

/**
 * The tax code (mã số thuế) of one supplier of an organisation's systems, as the API and the supplier page send it.
 *
 * @param supplier one of the supplier's spellings as written in the register
 * @param taxCode  10 digits, or 10 digits, a hyphen and 3 digits (spaces and dots ignored); blank clears it
 */
record SupplierTaxCodeRequest(
        @Nullable String supplier, @Nullable String taxCode) {}
