package vn.khien.systems.register;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A third party or supplier of a system: what it provides, what access it has, for how long.
 *
 * @param taxCode its tax code (mã số thuế), when known: {@link vn.khien.systems.SupplierTaxCodes}
 */
public record Supplier(
        long id,
        long systemId,
        String name,
        String provides,
        SupplierAccess accessKind,
        String accessDetails,
        LocalDate contractFrom,
        LocalDate contractTo,
        @Nullable String taxCode) {}
