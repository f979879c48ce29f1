package vn.khien.systems.register;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A component to add; which fields matter depends on {@link ComponentKind} (checked in {@link ComponentRules}). */
public class ComponentRequest {
    @NotNull(message = "{validation.required}")
    private @Nullable ComponentKind kind;

    @Size(max = 300, message = "{validation.size}")
    private @Nullable String name;

    @Size(max = 1000, message = "{validation.size}")
    private @Nullable String ipAddresses;

    @Size(max = 200, message = "{validation.size}")
    private @Nullable String operatingSystem;

    @Size(max = 1000, message = "{validation.size}")
    private @Nullable String url;

    @Size(max = 200, message = "{validation.size}")
    private @Nullable String vendor;

    @Size(max = 200, message = "{validation.size}")
    private @Nullable String product;

    @Size(max = 100, message = "{validation.size}")
    private @Nullable String version;

    @Size(max = 500, message = "{validation.size}")
    private @Nullable String cpe;

    @Size(max = 500, message = "{validation.size}")
    private @Nullable String purl;

    @Size(max = 4000, message = "{validation.size}")
    private @Nullable String notes;

    public @Nullable ComponentKind getKind() {
        return kind;
    }

    public void setKind(@Nullable ComponentKind kind) {
        this.kind = kind;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = blankToNull(name);
    }

    public @Nullable String getIpAddresses() {
        return ipAddresses;
    }

    public void setIpAddresses(@Nullable String ipAddresses) {
        this.ipAddresses = blankToNull(ipAddresses);
    }

    public @Nullable String getOperatingSystem() {
        return operatingSystem;
    }

    public void setOperatingSystem(@Nullable String operatingSystem) {
        this.operatingSystem = blankToNull(operatingSystem);
    }

    public @Nullable String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = blankToNull(url);
    }

    public @Nullable String getVendor() {
        return vendor;
    }

    public void setVendor(@Nullable String vendor) {
        this.vendor = blankToNull(vendor);
    }

    public @Nullable String getProduct() {
        return product;
    }

    public void setProduct(@Nullable String product) {
        this.product = blankToNull(product);
    }

    public @Nullable String getVersion() {
        return version;
    }

    public void setVersion(@Nullable String version) {
        this.version = blankToNull(version);
    }

    public @Nullable String getCpe() {
        return cpe;
    }

    public void setCpe(@Nullable String cpe) {
        this.cpe = blankToNull(cpe);
    }

    public @Nullable String getPurl() {
        return purl;
    }

    public void setPurl(@Nullable String purl) {
        this.purl = blankToNull(purl);
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public void setNotes(@Nullable String notes) {
        this.notes = blankToNull(notes);
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
