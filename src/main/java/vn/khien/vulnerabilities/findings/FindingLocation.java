package vn.khien.vulnerabilities.findings;

import org.jspecify.annotations.Nullable;

/** One affected place of a finding; {@code fixed} once a full scan no longer reports it there. */
record FindingLocation(
        long id,
        long findingId,
        String host,
        @Nullable Integer port,
        String protocol,
        String path,
        String url,
        String filePath,
        @Nullable Integer line,
        boolean fixed,
        @Nullable Long fixedByScanId) {

    /** What kind of place this is, for its label: a file or package path, a web address, or a host. */
    public String kind() {
        if (filePath != null) {
            return "FILE";
        }
        return url != null ? "URL" : "HOST";
    }

    /** A one-line rendering for lists: URL, host:port or file:line. */
    public String display() {
        if (filePath != null) {
            return line == null ? filePath : filePath + ":" + line;
        }
        if (url != null) {
            return url;
        }
        StringBuilder b = new StringBuilder();
        if (protocol != null) {
            b.append(protocol).append("://");
        }
        if (host != null) {
            b.append(host);
        }
        if (port != null) {
            b.append(':').append(port);
        }
        if (path != null) {
            b.append('/').append(path);
        }
        return b.toString();
    }
}
