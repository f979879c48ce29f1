package vn.khien.access;

/** Implemented by every principal Khiên authenticates (form login, API token, OpenID Connect). */
public interface PersonPrincipal {
    long personId();

    String username();
}
