package vn.khien.compliance.catalogue.admin;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Catalogue versions as people read them: "ND331-2026@0.1.0-provisional" becomes the catalogue's title with a
 * "provisional" badge. Templates call {@code ${@catalogueNames.of(plan.revision.catalogueVersions)}}.
 */
@Component("catalogueNames")
class CatalogueNames {
    private final CatalogueStore store;

    public CatalogueNames(CatalogueStore store) {
        this.store = store;
    }

    /** One catalogue of a plan: its title, version and whether that version is provisional. */
    public record Name(String title, String version, boolean provisional) {}

    public List<Name> of(String versionedIds) {
        List<Name> out = new ArrayList<>();
        if (versionedIds == null || versionedIds.isBlank()) {
            return out;
        }
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        for (String part : versionedIds.split("[,;]")) {
            String v = part.trim();
            int at = v.indexOf('@');
            String key = at < 0 ? v : v.substring(0, at);
            String version = at < 0 ? "" : v.substring(at + 1);
            String title = store.find(key, version)
                    .map(c -> english
                            ? c.catalogue().header().titleEn()
                            : c.catalogue().header().titleVi())
                    .orElse(key);
            out.add(new Name(title, version.replace("-provisional", ""), version.contains("provisional")));
        }
        return out;
    }
}
