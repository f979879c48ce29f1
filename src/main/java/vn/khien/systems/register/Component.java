package vn.khien.systems.register;

/** One inventory entry of a system: a host, an application/URL or a software product. */
public record Component(
        long id,
        long systemId,
        ComponentKind kind,
        String name,
        String ipAddresses,
        String operatingSystem,
        String url,
        String vendor,
        String product,
        String version,
        String cpe,
        String purl,
        String notes) {}
