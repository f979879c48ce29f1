package vn.khien.systems.register;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** What a person may set on a system, from the web form, the API or an import row. */
public class SystemRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 64, message = "{validation.size}")
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{validation.code}")
    private @Nullable String code;

    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.size}")
    private @Nullable String name;

    @Size(max = 4000, message = "{validation.size}")
    private @Nullable String purpose;

    @NotNull(message = "{validation.required}")
    private @Nullable Long ownerOrganizationId;

    @NotNull(message = "{validation.required}")
    private @Nullable Long operatorOrganizationId;

    @NotNull(message = "{validation.required}")
    private @Nullable SystemType systemType;

    private List<InformationKind> informationKinds = new ArrayList<>();

    @Min(value = 0, message = "{validation.nonNegative}")
    private @Nullable Long userCount;

    @Min(value = 0, message = "{validation.nonNegative}")
    private @Nullable Long dataSubjectCount;

    private @Nullable HostingKind hostingKind;

    @Size(max = 300, message = "{validation.size}")
    private @Nullable String hostingProvider;

    private LifecycleStatus lifecycleStatus = LifecycleStatus.OPERATING;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate investmentStartedOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate operatingSince;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate retiredOn;

    private boolean securityUnitOperates;

    public static SystemRequest of(InformationSystem s) {
        SystemRequest r = new SystemRequest();
        r.code = s.code();
        r.name = s.name();
        r.purpose = s.purpose();
        r.ownerOrganizationId = s.ownerOrganizationId();
        r.operatorOrganizationId = s.operatorOrganizationId();
        r.systemType = s.systemType();
        r.informationKinds = new ArrayList<>(s.informationKinds());
        r.userCount = s.userCount();
        r.dataSubjectCount = s.dataSubjectCount();
        r.hostingKind = s.hostingKind();
        r.hostingProvider = s.hostingProvider();
        r.lifecycleStatus = s.lifecycleStatus();
        r.investmentStartedOn = s.investmentStartedOn();
        r.operatingSince = s.operatingSince();
        r.retiredOn = s.retiredOn();
        r.securityUnitOperates = s.securityUnitOperates();
        return r;
    }

    public @Nullable String getCode() {
        return code;
    }

    public void setCode(@Nullable String code) {
        this.code = code == null ? null : code.trim();
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? null : name.trim();
    }

    public @Nullable String getPurpose() {
        return purpose;
    }

    public void setPurpose(@Nullable String purpose) {
        this.purpose = purpose;
    }

    public @Nullable Long getOwnerOrganizationId() {
        return ownerOrganizationId;
    }

    public void setOwnerOrganizationId(@Nullable Long v) {
        this.ownerOrganizationId = v;
    }

    public @Nullable Long getOperatorOrganizationId() {
        return operatorOrganizationId;
    }

    public void setOperatorOrganizationId(@Nullable Long v) {
        this.operatorOrganizationId = v;
    }

    public @Nullable SystemType getSystemType() {
        return systemType;
    }

    public void setSystemType(@Nullable SystemType systemType) {
        this.systemType = systemType;
    }

    public List<InformationKind> getInformationKinds() {
        return informationKinds;
    }

    public void setInformationKinds(List<InformationKind> v) {
        this.informationKinds = v == null ? new ArrayList<>() : v;
    }

    public @Nullable Long getUserCount() {
        return userCount;
    }

    public void setUserCount(@Nullable Long userCount) {
        this.userCount = userCount;
    }

    public @Nullable Long getDataSubjectCount() {
        return dataSubjectCount;
    }

    public void setDataSubjectCount(@Nullable Long dataSubjectCount) {
        this.dataSubjectCount = dataSubjectCount;
    }

    public @Nullable HostingKind getHostingKind() {
        return hostingKind;
    }

    public void setHostingKind(@Nullable HostingKind hostingKind) {
        this.hostingKind = hostingKind;
    }

    public @Nullable String getHostingProvider() {
        return hostingProvider;
    }

    public void setHostingProvider(@Nullable String hostingProvider) {
        this.hostingProvider = hostingProvider;
    }

    public LifecycleStatus getLifecycleStatus() {
        return lifecycleStatus;
    }

    public void setLifecycleStatus(@Nullable LifecycleStatus v) {
        this.lifecycleStatus = v == null ? LifecycleStatus.OPERATING : v;
    }

    public @Nullable LocalDate getInvestmentStartedOn() {
        return investmentStartedOn;
    }

    public void setInvestmentStartedOn(@Nullable LocalDate v) {
        this.investmentStartedOn = v;
    }

    public @Nullable LocalDate getOperatingSince() {
        return operatingSince;
    }

    public void setOperatingSince(@Nullable LocalDate operatingSince) {
        this.operatingSince = operatingSince;
    }

    public @Nullable LocalDate getRetiredOn() {
        return retiredOn;
    }

    public void setRetiredOn(@Nullable LocalDate retiredOn) {
        this.retiredOn = retiredOn;
    }

    public boolean isSecurityUnitOperates() {
        return securityUnitOperates;
    }

    public void setSecurityUnitOperates(boolean v) {
        this.securityUnitOperates = v;
    }
}
