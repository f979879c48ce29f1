package vn.khien.systems.register;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A third party or supplier to record against a system. */
public class SupplierRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.size}")
    private @Nullable String name;

    @Size(max = 4000, message = "{validation.size}")
    private @Nullable String provides;

    /** Mã số thuế: 10 digits, or 10 digits, a hyphen and 3 digits (checked by SupplierTaxCodes). */
    @Size(max = 40, message = "{validation.size}")
    private @Nullable String taxCode;

    @NotNull(message = "{validation.required}")
    private @Nullable SupplierAccess accessKind;

    @Size(max = 4000, message = "{validation.size}")
    private @Nullable String accessDetails;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate contractFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate contractTo;

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getTaxCode() {
        return taxCode;
    }

    public void setTaxCode(@Nullable String taxCode) {
        this.taxCode = taxCode;
    }

    public @Nullable String getProvides() {
        return provides;
    }

    public void setProvides(@Nullable String provides) {
        this.provides = provides;
    }

    public @Nullable SupplierAccess getAccessKind() {
        return accessKind;
    }

    public void setAccessKind(@Nullable SupplierAccess accessKind) {
        this.accessKind = accessKind;
    }

    public @Nullable String getAccessDetails() {
        return accessDetails;
    }

    public void setAccessDetails(@Nullable String accessDetails) {
        this.accessDetails = accessDetails;
    }

    public @Nullable LocalDate getContractFrom() {
        return contractFrom;
    }

    public void setContractFrom(@Nullable LocalDate contractFrom) {
        this.contractFrom = contractFrom;
    }

    public @Nullable LocalDate getContractTo() {
        return contractTo;
    }

    public void setContractTo(@Nullable LocalDate contractTo) {
        this.contractTo = contractTo;
    }
}
