package vn.khien.systems.register;

import java.time.LocalDate;

/** A third party or supplier of a system: what it provides, what access it has, for how long. */
public record Supplier(
        long id,
        long systemId,
        String name,
        String provides,
        SupplierAccess accessKind,
        String accessDetails,
        LocalDate contractFrom,
        LocalDate contractTo) {}
