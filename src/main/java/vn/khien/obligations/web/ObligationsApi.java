package vn.khien.obligations.web;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.obligations.catalogue.Obligation;
import vn.khien.obligations.catalogue.SubjectKind;
import vn.khien.obligations.status.ObligationService;

/** The obligations of one system or one organisation (with the systems it owns), as issue 13 states the contract. */
@RestController
class ObligationsApi {

    private final ObligationService obligations;

    ObligationsApi(ObligationService obligations) {
        this.obligations = obligations;
    }

    record Evidence(
            String kind, @Nullable Long id, @Nullable String url) {}

    record SystemRef(long id, String name) {}

    record ObligationJson(
            String rule,
            String status,
            @Nullable LocalDate lastMetOn,
            @Nullable LocalDate dueOn,
            @Nullable Evidence evidence,
            String legalSource,
            String regime,
            String confidence,
            String title,
            String reason,
            String where,
            @Nullable SystemRef system) {

        static ObligationJson of(Obligation o, boolean withSystem) {
            Evidence ev = o.evidence() == null
                    ? null
                    : new Evidence(
                            o.evidence().kind(), o.evidence().id(), o.evidence().url());
            SystemRef system = withSystem && o.subject().kind() == SubjectKind.SYSTEM
                    ? new SystemRef(o.subject().id(), o.subject().name())
                    : null;
            return new ObligationJson(
                    o.rule().id(),
                    o.status().name(),
                    o.lastMetOn(),
                    o.dueOn(),
                    ev,
                    o.rule().legalSource(),
                    o.rule().regime(),
                    o.rule().confidence(),
                    o.rule().titleVi(),
                    o.reason(),
                    o.rule().whereFor(o.subject()),
                    system);
        }
    }

    @GetMapping("/api/v1/systems/{id}/obligations")
    List<ObligationJson> ofSystem(@PathVariable long id) {
        return obligations.forSystem(id).obligations().stream()
                .map(o -> ObligationJson.of(o, false))
                .toList();
    }

    @GetMapping("/api/v1/organizations/{id}/obligations")
    List<ObligationJson> ofOrganization(@PathVariable long id) {
        return obligations.forOrganization(id).obligations().stream()
                .map(o -> ObligationJson.of(o, true))
                .toList();
    }
}
