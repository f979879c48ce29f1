package vn.khien.systems.register;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** What a person may set on a system, from the web form, the API or an import row. */
public class SystemRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 64, message = "{validation.size}")
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{validation.code}")
    private String code;

    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.size}")
    private String name;

    @Size(max = 4000, message = "{validation.size}")
    private String purpose;

    @NotNull(message = "{validation.required}")
    private Long ownerOrganizationId;

    @NotNull(message = "{validation.required}")
    private Long operatorOrganizationId;

    @NotNull(message = "{validation.required}")
    private SystemType systemType;

    private List<InformationKind> informationKinds = new ArrayList<>();

    @Min(value = 0, message = "{validation.nonNegative}")
    private Long userCount;

    @Min(value = 0, message = "{validation.nonNegative}")
    private Long dataSubjectCount;

    private HostingKind hostingKind;

    @Size(max = 300, message = "{validation.size}")
    private String hostingProvider;

    private LifecycleStatus lifecycleStatus = LifecycleStatus.OPERATING;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate investmentStartedOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate operatingSince;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate retiredOn;

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

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.trim();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public Long getOwnerOrganizationId() {
        return ownerOrganizationId;
    }

    public void setOwnerOrganizationId(Long v) {
        this.ownerOrganizationId = v;
    }

    public Long getOperatorOrganizationId() {
        return operatorOrganizationId;
    }

    public void setOperatorOrganizationId(Long v) {
        this.operatorOrganizationId = v;
    }

    public SystemType getSystemType() {
        return systemType;
    }

    public void setSystemType(SystemType systemType) {
        this.systemType = systemType;
    }

    public List<InformationKind> getInformationKinds() {
        return informationKinds;
    }

    public void setInformationKinds(List<InformationKind> v) {
        this.informationKinds = v == null ? new ArrayList<>() : v;
    }

    public Long getUserCount() {
        return userCount;
    }

    public void setUserCount(Long userCount) {
        this.userCount = userCount;
    }

    public Long getDataSubjectCount() {
        return dataSubjectCount;
    }

    public void setDataSubjectCount(Long dataSubjectCount) {
        this.dataSubjectCount = dataSubjectCount;
    }

    public HostingKind getHostingKind() {
        return hostingKind;
    }

    public void setHostingKind(HostingKind hostingKind) {
        this.hostingKind = hostingKind;
    }

    public String getHostingProvider() {
        return hostingProvider;
    }

    public void setHostingProvider(String hostingProvider) {
        this.hostingProvider = hostingProvider;
    }

    public LifecycleStatus getLifecycleStatus() {
        return lifecycleStatus;
    }

    public void setLifecycleStatus(LifecycleStatus v) {
        this.lifecycleStatus = v == null ? LifecycleStatus.OPERATING : v;
    }

    public LocalDate getInvestmentStartedOn() {
        return investmentStartedOn;
    }

    public void setInvestmentStartedOn(LocalDate v) {
        this.investmentStartedOn = v;
    }

    public LocalDate getOperatingSince() {
        return operatingSince;
    }

    public void setOperatingSince(LocalDate operatingSince) {
        this.operatingSince = operatingSince;
    }

    public LocalDate getRetiredOn() {
        return retiredOn;
    }

    public void setRetiredOn(LocalDate retiredOn) {
        this.retiredOn = retiredOn;
    }

    public boolean isSecurityUnitOperates() {
        return securityUnitOperates;
    }

    public void setSecurityUnitOperates(boolean v) {
        this.securityUnitOperates = v;
    }
}
