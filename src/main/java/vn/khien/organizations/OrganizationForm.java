package vn.khien.organizations;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** What a person may set on an organisation, from the web form or the API. */
public class OrganizationForm {
    @NotBlank(message = "{validation.required}")
    @Size(max = 64, message = "{validation.size}")
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{validation.code}")
    private @Nullable String code;

    @NotBlank(message = "{validation.required}")
    @Size(max = 300, message = "{validation.size}")
    private @Nullable String name;

    @Size(max = 300, message = "{validation.size}")
    private @Nullable String nameEn;

    @NotNull(message = "{validation.required}")
    private @Nullable OrgKind kind;

    private @Nullable Long parentId;

    @Size(max = 500, message = "{validation.size}")
    private @Nullable String address;

    @Size(max = 200, message = "{validation.size}")
    private @Nullable String contactPerson;

    @Size(max = 50, message = "{validation.size}")
    @Pattern(regexp = "[0-9 +().-]*", message = "{validation.phone}")
    private @Nullable String contactPhone;

    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.size}")
    private @Nullable String contactEmail;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate contactConfirmedOn;

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
        this.name = name;
    }

    public @Nullable String getNameEn() {
        return nameEn;
    }

    public void setNameEn(@Nullable String nameEn) {
        this.nameEn = nameEn;
    }

    public @Nullable OrgKind getKind() {
        return kind;
    }

    public void setKind(@Nullable OrgKind kind) {
        this.kind = kind;
    }

    public @Nullable Long getParentId() {
        return parentId;
    }

    public void setParentId(@Nullable Long parentId) {
        this.parentId = parentId;
    }

    public @Nullable String getAddress() {
        return address;
    }

    public void setAddress(@Nullable String address) {
        this.address = address;
    }

    public @Nullable String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(@Nullable String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public @Nullable String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(@Nullable String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public @Nullable String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(@Nullable String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public @Nullable LocalDate getContactConfirmedOn() {
        return contactConfirmedOn;
    }

    public void setContactConfirmedOn(@Nullable LocalDate contactConfirmedOn) {
        this.contactConfirmedOn = contactConfirmedOn;
    }

    public boolean isContactPublic() {
        return contactPublic;
    }

    public void setContactPublic(boolean contactPublic) {
        this.contactPublic = contactPublic;
    }

    public boolean isRequireMfa() {
        return requireMfa;
    }

    public void setRequireMfa(boolean requireMfa) {
        this.requireMfa = requireMfa;
    }
}
