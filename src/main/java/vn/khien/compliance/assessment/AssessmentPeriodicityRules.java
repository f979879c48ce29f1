package vn.khien.compliance.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.khien.compliance.catalogue.CatalogueValidationException;
import vn.khien.compliance.catalogue.Confidence;
import vn.khien.compliance.catalogue.Levels;
import vn.khien.compliance.catalogue.Regime;
import vn.khien.compliance.catalogue.YamlFields;
import vn.khien.compliance.risks.RiskRating;

/** The periodicity rules of both regimes, loaded from {@value #RESOURCE}. */
record AssessmentPeriodicityRules(String id, String version, Map<Regime, RegimePeriodicity> regimes) {

    public static final String RESOURCE = "rules/assessment-periodicity.yaml";

    public AssessmentPeriodicityRules {
        regimes = Map.copyOf(regimes);
    }

    public RegimePeriodicity of(Regime regime) {
        RegimePeriodicity rules = regimes.get(regime);
        if (rules == null) {
            throw new IllegalArgumentException("No assessment periodicity rules for regime " + regime);
        }
        return rules;
    }

    public static AssessmentPeriodicityRules loadDefault() {
        try (InputStream in = AssessmentPeriodicityRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException closeFailure) {
            throw new UncheckedIOException(closeFailure);
        }
    }

    // YamlFields reads null for a missing field: each required one is named in problems and the rules are refused.
    @SuppressWarnings("NullAway")
    public static AssessmentPeriodicityRules load(Reader yaml, String sourceName) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        List<String> problems = new ArrayList<>();
        YamlFields root = new YamlFields(document, "document", problems);
        Map<Regime, RegimePeriodicity> regimes = new EnumMap<>(Regime.class);
        for (Object node : root.list("regimes")) {
            RegimePeriodicity rules = readRegime(new YamlFields(node, "regime", problems), problems);
            if (rules.regime() != null && regimes.put(rules.regime(), rules) != null) {
                problems.add("regime " + rules.regime() + " is defined twice");
            }
        }
        for (Regime regime : Regime.values()) {
            if (!regimes.containsKey(regime)) {
                problems.add("regime " + regime + " has no rules");
            }
        }
        regimes.values().forEach(rules -> checkCoverage(rules, problems));
        if (!problems.isEmpty()) {
            throw new CatalogueValidationException(sourceName, problems);
        }
        return new AssessmentPeriodicityRules(root.string("id"), root.string("version"), regimes);
    }

    @SuppressWarnings("NullAway") // as load: a missing required field is a problem that refuses the rules
    private static RegimePeriodicity readRegime(YamlFields fields, List<String> problems) {
        Regime regime = fields.enumValue("regime", Regime.class);
        String owner = "regime " + regime;
        @Nullable Period organisationInterval = null;
        @Nullable String organisationSource = null;
        if (fields.has("organisationWide")) {
            YamlFields organisation =
                    new YamlFields(fields.raw("organisationWide"), owner + " organisationWide", problems);
            organisationInterval = period(organisation.string("interval"), owner + " organisationWide", problems);
            organisationSource = organisation.string("legalSource");
        }
        List<IntervalRule> systemRules = new ArrayList<>();
        for (Object node : fields.list("systemRules")) {
            YamlFields rule = new YamlFields(node, owner + " system rule", problems);
            String ruleOwner = owner + " system rule for levels " + rule.integers("levels");
            if (rule.string("legalSource") == null) {
                problems.add(ruleOwner + ": missing legalSource");
            }
            // A missing or invalid interval is a problem already: the rules are refused, the rule need not exist.
            Period interval = period(rule.string("interval"), ruleOwner, problems);
            if (interval != null) {
                systemRules.add(new IntervalRule(
                        rule.integers("levels"),
                        rule.enumValue("risk", RiskRating.class),
                        interval,
                        rule.string("legalSource"),
                        rule.enumValue("confidence", Confidence.class),
                        rule.bool("configurable", false),
                        rule.string("note")));
            }
        }
        List<AssessorRule> assessorRules = new ArrayList<>();
        for (Object node : fields.list("assessorRules")) {
            YamlFields rule = new YamlFields(node, owner + " assessor rule", problems);
            assessorRules.add(new AssessorRule(
                    rule.integers("levels"),
                    rule.enumValue("assessor", AssessorRequirement.class),
                    rule.string("legalSource"),
                    rule.enumValue("confidence", Confidence.class),
                    rule.string("note")));
        }
        Set<AssessmentTrigger> triggers = EnumSet.noneOf(AssessmentTrigger.class);
        for (String name : fields.strings("externalRequiredWhen")) {
            try {
                triggers.add(AssessmentTrigger.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                problems.add(owner + ": unknown trigger '" + name + "'");
            }
        }
        if (fields.string("legalSource") == null) {
            problems.add(owner + ": missing legalSource");
        }
        @Nullable PreGoLiveRule preGoLive = null;
        if (fields.has("preGoLive")) {
            YamlFields rule = new YamlFields(fields.raw("preGoLive"), owner + " preGoLive", problems);
            if (rule.string("legalSource") == null) {
                problems.add(owner + " preGoLive: missing legalSource");
            }
            preGoLive = new PreGoLiveRule(
                    rule.integers("levels"),
                    rule.string("legalSource"),
                    rule.enumValue("confidence", Confidence.class),
                    rule.string("note"));
        }
        return new RegimePeriodicity(
                regime,
                fields.string("legalSource"),
                fields.enumValue("confidence", Confidence.class),
                organisationInterval,
                organisationSource,
                systemRules,
                assessorRules,
                triggers,
                preGoLive,
                fields.string("adHoc"),
                fields.string("notes"));
    }

    /** Every level and risk must resolve to exactly one interval, so nextDue never has to guess. */
    private static void checkCoverage(RegimePeriodicity rules, List<String> problems) {
        for (int level = Levels.LOWEST; level <= Levels.HIGHEST; level++) {
            for (RiskRating risk : RiskRating.values()) {
                final int currentLevel = level;
                long matches = rules.systemRules().stream()
                        .filter(rule -> rule.matches(currentLevel, risk))
                        .count();
                if (matches != 1) {
                    problems.add("regime " + rules.regime() + ": level " + level + " risk " + risk + " matches "
                            + matches + " interval rules (need exactly 1)");
                }
            }
            final int currentLevel = level;
            long assessorMatches = rules.assessorRules().stream()
                    .filter(rule -> rule.levels().contains(currentLevel))
                    .count();
            if (assessorMatches != 1) {
                problems.add("regime " + rules.regime() + ": level " + level + " matches " + assessorMatches
                        + " assessor rules (need exactly 1)");
            }
        }
    }

    private static @Nullable Period period(@Nullable String text, String owner, List<String> problems) {
        if (text == null) {
            problems.add(owner + ": missing interval");
            return null;
        }
        try {
            Period period = Period.parse(text);
            if (period.isNegative() || period.isZero()) {
                problems.add(owner + ": interval must be positive, was " + text);
            }
            return period;
        } catch (DateTimeParseException badPeriod) {
            problems.add(owner + ": interval '" + text + "' is not an ISO-8601 period such as P1Y or P6M");
            return null;
        }
    }
}
