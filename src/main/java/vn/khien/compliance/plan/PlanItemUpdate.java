package vn.khien.compliance.plan;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import vn.khien.compliance.catalogue.RequirementStatus;

/** What an officer records for one requirement (API body and form). */
public class PlanItemUpdate {
    @NotNull(message = "{validation.required}")
    private @Nullable RequirementStatus status;

    @Size(max = 8000, message = "{validation.size}")
    private @Nullable String howMet;

    @Size(max = 200, message = "{validation.size}")
    private @Nullable String owner;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate targetDate;

    @Size(max = 4000, message = "{validation.size}")
    private @Nullable String justification;

    @Size(max = 2000, message = "{validation.size}")
    private @Nullable String deployedProducts;

    public @Nullable RequirementStatus getStatus() {
        return status;
    }

    public void setStatus(@Nullable RequirementStatus status) {
        this.status = status;
    }

    public @Nullable String getHowMet() {
        return howMet;
    }

    public void setHowMet(@Nullable String howMet) {
        this.howMet = howMet;
    }

    public @Nullable String getOwner() {
        return owner;
    }

    public void setOwner(@Nullable String owner) {
        this.owner = owner;
    }

    public @Nullable LocalDate getTargetDate() {
        return targetDate;
    }

    public void setTargetDate(@Nullable LocalDate targetDate) {
        this.targetDate = targetDate;
    }

    public @Nullable String getJustification() {
        return justification;
    }

    public void setJustification(@Nullable String justification) {
        this.justification = justification;
    }

    public @Nullable String getDeployedProducts() {
        return deployedProducts;
    }

    public void setDeployedProducts(@Nullable String deployedProducts) {
        this.deployedProducts = deployedProducts;
    }
}
