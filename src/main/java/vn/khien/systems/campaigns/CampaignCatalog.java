package vn.khien.systems.campaigns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.khien.systems.rules.Confidence;
import vn.khien.systems.rules.RuleDataException;
import vn.khien.systems.rules.RuleYaml;
import vn.khien.systems.rules.YamlMap;

/** Campaigns from {@code rules/campaigns.yaml}. */
public final class CampaignCatalog {

    public static final String DEFAULT_RESOURCE = "rules/campaigns.yaml";

    private final List<Campaign> campaigns;

    public CampaignCatalog(List<Campaign> campaigns) {
        this.campaigns = List.copyOf(campaigns);
        Set<String> ids = new HashSet<>();
        campaigns.forEach(c -> {
            if (!ids.add(c.id())) {
                throw new RuleDataException("duplicate campaign id '" + c.id() + "'");
            }
        });
    }

    public static CampaignCatalog loadDefault() {
        return read(RuleYaml.loadClasspath(DEFAULT_RESOURCE));
    }

    public static CampaignCatalog read(YamlMap root) {
        List<Campaign> campaigns = new ArrayList<>();
        for (YamlMap node : root.maps("campaigns")) {
            String legalSource = node.string("legal_source");
            List<CampaignTarget> targets = new ArrayList<>();
            Set<String> targetIds = new HashSet<>();
            for (YamlMap t : node.maps("targets")) {
                if (!targetIds.add(t.string("id"))) {
                    throw t.error("id", "duplicate target id in campaign " + node.string("id"));
                }
                String precision = t.string("due_precision");
                if (!precision.equals("DAY") && !precision.equals("MONTH")) {
                    throw t.error("due_precision", "use DAY or MONTH");
                }
                LocalDate due = t.date("due");
                if (precision.equals("MONTH") && due.getDayOfMonth() != due.lengthOfMonth()) {
                    throw t.error("due", "a month-only target must fall on the month's last day");
                }
                targets.add(new CampaignTarget(
                        t.string("id"),
                        t.enumValue("metric", CampaignMetric.class),
                        t.string("population"),
                        t.integer("share_percent"),
                        due,
                        precision.equals("MONTH"),
                        t.has("legal_ref") ? t.string("legal_ref") : legalSource));
            }
            campaigns.add(new Campaign(
                    node.string("id"),
                    node.string("title_vi"),
                    node.string("title_en"),
                    legalSource,
                    node.enumValue("confidence", Confidence.class),
                    targets));
        }
        return new CampaignCatalog(campaigns);
    }

    public List<Campaign> all() {
        return campaigns;
    }

    public Optional<Campaign> find(String id) {
        return campaigns.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
