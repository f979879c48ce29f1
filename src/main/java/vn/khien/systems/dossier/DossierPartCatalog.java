package vn.khien.systems.dossier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.khien.systems.rules.RuleYaml;
import vn.khien.systems.rules.YamlMap;

/** The dossier parts of each regime, read from rule data so a new decree is a data change. */
@Component
class DossierPartCatalog {
    public static final String RESOURCE = "rules/dossier/parts.yaml";

    private final List<DossierPartDefinition> parts;

    public DossierPartCatalog() {
        List<DossierPartDefinition> read = new ArrayList<>();
        for (YamlMap p : RuleYaml.loadClasspath(RESOURCE).maps("parts")) {
            read.add(new DossierPartDefinition(
                    p.string("key"),
                    p.string("title_vi"),
                    p.string("title_en"),
                    new HashSet<>(p.strings("regimes")),
                    new HashSet<>(p.integers("levels")),
                    p.string("legal_ref")));
        }
        this.parts = List.copyOf(read);
    }

    public List<DossierPartDefinition> partsFor(String regime, int level) {
        return DossierPartDefinition.forDossier(parts, regime, level);
    }

    public Optional<DossierPartDefinition> find(String key) {
        return parts.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
