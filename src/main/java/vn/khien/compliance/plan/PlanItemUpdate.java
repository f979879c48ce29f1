package vn.khien.compliance.plan;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.khien.compliance.catalogue.RequirementStatus;

/** What an officer records for one requirement (API body and form). */
public class PlanItemUpdate {
    @NotNull(message = "{validation.required}")
    private RequirementStatus status;

    @Size(max = 8000, message = "{validation.size}")
    private String howMet;

    @Size(max = 200, message = "{validation.size}")
    private String owner;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate targetDate;

    @Size(max = 4000, message = "{validation.size}")
    private String justification;

    @Size(max = 2000, message = "{validation.size}")
    private String deployedProducts;

    public RequirementStatus getStatus() {
        return status;
    }

    public void setStatus(RequirementStatus status) {
        this.status = status;
    }

    public String getHowMet() {
        return howMet;
    }

    public void setHowMet(String howMet) {
        this.howMet = howMet;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public LocalDate getTargetDate() {
        return targetDate;
    }

    public void setTargetDate(LocalDate targetDate) {
        this.targetDate = targetDate;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }

    public String getDeployedProducts() {
        return deployedProducts;
    }

    public void setDeployedProducts(String deployedProducts) {
        this.deployedProducts = deployedProducts;
    }
}
