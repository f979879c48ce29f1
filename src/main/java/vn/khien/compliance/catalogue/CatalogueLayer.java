package vn.khien.compliance.catalogue;

/** A shipped legal catalogue, or an organisation's own internal requirements layered on top of one. */
public enum CatalogueLayer {
    BASE,
    ORGANISATION
}
