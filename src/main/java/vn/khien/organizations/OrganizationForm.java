package vn.khien.organizations;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What a person may set on an organisation, from the web form or the API. */
public class OrganizationForm {
    @NotBlank(message = "{validation.required}")
    @Size(max = 64, message = "{validation.size}")
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{validation.code}")
    private String code;
    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.size}")
    private String name;
    @Size(max = 300, message = "{validation.size}")
    private String nameEn;
    @NotNull(message = "{validation.required}")
    private OrgKind kind;
    private Long parentId;
    @Size(max = 500, message = "{validation.size}")
    private String address;
    @Size(max = 200, message = "{validation.size}")
    private String contactPerson;
    @Size(max = 50, message = "{validation.size}")
    @Pattern(regexp = "[0-9 +().-]*", message = "{validation.phone}")
    private String contactPhone;
    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.size}")
    private String contactEmail;
    @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
    private LocalDate contactConfirmedOn;
    private boolean contactPublic;
    private boolean requireMfa;

    public static OrganizationForm of(Organization o) {
        OrganizationForm f = new OrganizationForm();
        f.code = o.code();
        f.name = o.nameVi();
        f.nameEn = o.nameEn();
        f.kind = o.kind();
        f.parentId = o.parentId();
        f.address = o.address();
        f.contactPerson = o.contact().person();
        f.contactPhone = o.contact().phone();
        f.contactEmail = o.contact().email();
        f.contactConfirmedOn = o.contact().confirmedOn();
        f.contactPublic = o.contact().published();
        f.requireMfa = o.requireMfa();
        return f;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code == null ? null : code.trim(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public OrgKind getKind() { return kind; }
    public void setKind(OrgKind kind) { this.kind = kind; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getContactPerson() { return contactPerson; }
    public void setContactPerson(String contactPerson) { this.contactPerson = contactPerson; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public LocalDate getContactConfirmedOn() { return contactConfirmedOn; }
    public void setContactConfirmedOn(LocalDate contactConfirmedOn) { this.contactConfirmedOn = contactConfirmedOn; }
    public boolean isContactPublic() { return contactPublic; }
    public void setContactPublic(boolean contactPublic) { this.contactPublic = contactPublic; }
    public boolean isRequireMfa() { return requireMfa; }
    public void setRequireMfa(boolean requireMfa) { this.requireMfa = requireMfa; }
}
