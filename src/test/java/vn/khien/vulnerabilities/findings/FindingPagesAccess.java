package vn.khien.vulnerabilities.findings;

/** Test access to the package-private redirect check of the findings pages. */
public final class FindingPagesAccess {
    private FindingPagesAccess() {}

    public static String safeReturn(String returnTo) {
        return FindingPages.safeReturn(returnTo);
    }
}
