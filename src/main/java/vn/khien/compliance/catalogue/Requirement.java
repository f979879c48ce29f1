package vn.khien.compliance.catalogue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One requirement of a catalogue.
 *
 * @param id           stable id, never reused (plans and evidence refer to it)
 * @param planSection  part of the security plan it belongs to (may be null for organisation requirements)
 * @param titleVi      official heading where one exists
 * @param paraphrased  true when the governing wording (e.g. TCVN 11930:2017) is not public and textVi/textEn were
 *                     written by us from the heading
 * @param levelText    optional level-specific wording, keyed by level
 * @param note         optional free text (caveats, interpretation)
 */
public record Requirement(
        String id,
        RequirementKind kind,
        RequirementGroup group,
        @Nullable PlanSection planSection,
        String titleVi,
        String titleEn,
        String textVi,
        String textEn,
        List<Integer> levels,
        boolean paraphrased,
        Confidence confidence,
        List<LegalReference> sources,
        List<String> evidence,
        Map<Integer, LevelText> levelText,
        List<DesignProduct> designProducts,
        @Nullable String note) {

    public Requirement {
        levels = levels == null ? List.of() : List.copyOf(levels);
        sources = sources == null ? List.of() : List.copyOf(sources);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        designProducts = designProducts == null ? List.of() : List.copyOf(designProducts);
        levelText = levelText == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(levelText));
        confidence = confidence == null ? Confidence.PRIMARY : confidence;
    }

    /** Internal policies may have no heading: their text is the title then. */
    public String title() {
        return titleVi != null ? titleVi : textVi;
    }

    public boolean appliesTo(int level) {
        return levels.contains(level);
    }

    /** The legal references that are the basis of this requirement at the given level. */
    public List<LegalReference> sourcesFor(int level) {
        return sources.stream().filter(source -> source.appliesTo(level)).toList();
    }

    /** The design products this requirement calls for at the given level (empty for most requirements). */
    public List<DesignProduct> designProductsFor(int level) {
        return designProducts.stream()
                .filter(product -> product.appliesTo(level))
                .toList();
    }

    /** Level-specific wording if the appendix of that level words it differently, else the general text. */
    public LevelText textFor(int level) {
        LevelText specific = levelText.get(level);
        return specific != null ? specific : new LevelText(textVi, textEn);
    }
}
