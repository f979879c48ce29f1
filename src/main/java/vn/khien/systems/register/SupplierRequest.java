package vn.khien.systems.register;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A third party or supplier to record against a system. */
public class SupplierRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.size}")
    private String name;

    @Size(max = 4000, message = "{validation.size}")
    private String provides;

    /** Mã số thuế: 10 digits, or 10 digits, a hyphen and 3 digits (checked by SupplierTaxCodes). */
    @Size(max = 40, message = "{validation.size}")
    private String taxCode;

    @NotNull(message = "{validation.required}")
    private SupplierAccess accessKind;

    @Size(max = 4000, message = "{validation.size}")
    private String accessDetails;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate contractFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate contractTo;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTaxCode() {
        return taxCode;
    }

    public void setTaxCode(String taxCode) {
        this.taxCode = taxCode;
    }

    public String getProvides() {
        return provides;
    }

    public void setProvides(String provides) {
        this.provides = provides;
    }

    public SupplierAccess getAccessKind() {
        return accessKind;
    }

    public void setAccessKind(SupplierAccess accessKind) {
        this.accessKind = accessKind;
    }

    public String getAccessDetails() {
        return accessDetails;
    }

    public void setAccessDetails(String accessDetails) {
        this.accessDetails = accessDetails;
    }

    public LocalDate getContractFrom() {
        return contractFrom;
    }

    public void setContractFrom(LocalDate contractFrom) {
        this.contractFrom = contractFrom;
    }

    public LocalDate getContractTo() {
        return contractTo;
    }

    public void setContractTo(LocalDate contractTo) {
        this.contractTo = contractTo;
    }
}
