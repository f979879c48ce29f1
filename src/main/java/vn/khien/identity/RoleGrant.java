package vn.khien.identity;

import vn.khien.access.Role;

public record RoleGrant(
        long id, long userId, long organizationId, String organizationCode, String organizationName, Role role) {}
