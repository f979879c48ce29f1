package vn.khien.warnings.matching;

/**
 * What the matcher knows of one inventory item: its id, system, CPE 2.3 name and purl as registered, and the
 * version typed next to them (used when the CPE's version is ANY).
 */
public record Component(long id, long systemId, String cpe, String purl, String version) {
}
