package vn.khien.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khien.access.Role;

/** A new person and the roles they get; used by the API and, through its fields, the web form. */
class NewPersonRequest {
    @NotBlank(message = "{validation.required}")
    @Size(min = 3, max = 100, message = "{validation.size}")
    @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "{validation.username}")
    private @Nullable String username;

    @NotBlank(message = "{validation.required}")
    private @Nullable String password;

    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.size}")
    private @Nullable String displayName;

    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.size}")
    private @Nullable String email;

    @NotEmpty(message = "{validation.roles}")
    @Valid
    private List<RoleRequest> roles = new ArrayList<>();

    public static class RoleRequest {
        @NotNull(message = "{validation.required}")
        private @Nullable Role role;

        @NotNull(message = "{validation.required}")
        private @Nullable Long organizationId;

        public RoleRequest() {}

        public RoleRequest(Role role, Long organizationId) {
            this.role = role;
            this.organizationId = organizationId;
        }

        public @Nullable Role getRole() {
            return role;
        }

        public void setRole(@Nullable Role role) {
            this.role = role;
        }

        public @Nullable Long getOrganizationId() {
            return organizationId;
        }

        public void setOrganizationId(@Nullable Long organizationId) {
            this.organizationId = organizationId;
        }
    }

    public @Nullable String getUsername() {
        return username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username == null ? null : username.trim();
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public @Nullable String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(@Nullable String displayName) {
        this.displayName = displayName;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email == null || email.isBlank() ? null : email.trim();
    }

    public List<RoleRequest> getRoles() {
        return roles;
    }

    public void setRoles(List<RoleRequest> roles) {
        this.roles = roles;
    }
}
