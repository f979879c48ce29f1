package vn.khien.vulnerabilities.parsing;

/**
 * A sink that also wants the places of a format's merged findings while the parser reads them, long before the
 * findings are complete (a Nessus finding is one plugin over every host, so it is final only at the end of the file).
 * The import writes those places while the parse goes on (ADR 0061). The findings themselves still arrive complete, in
 * the order they were numbered here; a parser that does not merge never calls this.
 */
public interface MergedPlaces {
    /**
     * A finding seen for the first time, numbered from 0 in the order the findings will be delivered; {@code first} is
     * the finding as read so far (no place yet; its key and identifiers may still change).
     */
    void finding(int number, ParsedFinding first);

    /** A place of finding {@code number}, in the order of the report. */
    void place(int number, Location place);
}
