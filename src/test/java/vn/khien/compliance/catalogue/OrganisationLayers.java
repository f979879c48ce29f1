package vn.khien.compliance.catalogue;

/** Test fixture: an organisation's own requirements, as an administrator would import them. */
final class OrganisationLayers {

    private OrganisationLayers() {}

    static Catalogue internalPolicies(String organisation, Regime regime) {
        String yaml = """
                catalogue:
                  id: ORG-%1$s
                  version: "2026.1"
                  layer: ORGANISATION
                  %2$s
                  organisation: %1$s
                  basedOn: TT12-2022
                  titleVi: Quy định nội bộ
                  titleEn: Internal policies
                  legalSource: "Quyết định 123/QĐ-SKHCN ngày 01/03/2026"
                requirements:
                  - id: ORG.%1$s.USB
                    kind: MANAGEMENT
                    group: OPERATIONS
                    textVi: Cấm sử dụng thiết bị USB trên máy chủ
                    textEn: No USB storage on servers
                    levels: [3, 4, 5]
                    sources:
                      - {document: "Quyết định 123/QĐ-SKHCN", clause: "Điều 5"}
                  - id: ORG.%1$s.MFA
                    kind: CONFIGURATION_ITEM
                    group: APPLICATION
                    textVi: Bắt buộc xác thực đa yếu tố cho mọi ứng dụng
                    textEn: MFA on every application
                    levels: [1, 2, 3, 4, 5]
                    sources:
                      - {document: "Quyết định 123/QĐ-SKHCN", clause: "Điều 6"}
                """.formatted(organisation, regime == null ? "" : "regime: " + regime);
        return CatalogueLoader.fromYaml(yaml, "org layer " + organisation);
    }
}
