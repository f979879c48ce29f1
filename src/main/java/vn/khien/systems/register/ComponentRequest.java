package vn.khien.systems.register;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A component to add; which fields matter depends on {@link ComponentKind} (checked in {@link ComponentRules}). */
public class ComponentRequest {
    @NotNull(message = "{validation.required}")
    private ComponentKind kind;

    @Size(max = 300, message = "{validation.size}")
    private String name;

    @Size(max = 1000, message = "{validation.size}")
    private String ipAddresses;

    @Size(max = 200, message = "{validation.size}")
    private String operatingSystem;

    @Size(max = 1000, message = "{validation.size}")
    private String url;

    @Size(max = 200, message = "{validation.size}")
    private String vendor;

    @Size(max = 200, message = "{validation.size}")
    private String product;

    @Size(max = 100, message = "{validation.size}")
    private String version;

    @Size(max = 500, message = "{validation.size}")
    private String cpe;

    @Size(max = 500, message = "{validation.size}")
    private String purl;

    @Size(max = 4000, message = "{validation.size}")
    private String notes;

    public ComponentKind getKind() {
        return kind;
    }

    public void setKind(ComponentKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = blankToNull(name);
    }

    public String getIpAddresses() {
        return ipAddresses;
    }

    public void setIpAddresses(String ipAddresses) {
        this.ipAddresses = blankToNull(ipAddresses);
    }

    public String getOperatingSystem() {
        return operatingSystem;
    }

    public void setOperatingSystem(String operatingSystem) {
        this.operatingSystem = blankToNull(operatingSystem);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = blankToNull(url);
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = blankToNull(vendor);
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = blankToNull(product);
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = blankToNull(version);
    }

    public String getCpe() {
        return cpe;
    }

    public void setCpe(String cpe) {
        this.cpe = blankToNull(cpe);
    }

    public String getPurl() {
        return purl;
    }

    public void setPurl(String purl) {
        this.purl = blankToNull(purl);
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = blankToNull(notes);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
