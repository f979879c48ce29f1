package vn.khien.incidents.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.khien.access.PersonPrincipal;
import vn.khien.access.Role;
import vn.khien.support.Http;
import vn.khien.support.IncidentReports;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/**
 * The home page resolves the report clocks of all listed incidents at once (issue 15): the same reports owed, the
 * same recipients (the nearest designation above the system's owner wins) and the same submissions as resolving each
 * incident on its own, as its page does.
 */
class IncidentsAttentionTest extends IntegrationTest {

    @Autowired
    IncidentService service;

    @Autowired
    IncidentRepository incidents;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void resolvingAllListedIncidentsAtOnceGivesWhatResolvingEachGives() {
        TestData.Org province = data.org(data.root(), data.unique("Tỉnh đồng hồ sự cố"));
        TestData.Org near = data.org(province, data.unique("Sở có đội ứng cứu riêng"));
        TestData.Org far = data.org(province, data.unique("Sở dùng đội của tỉnh"));
        TestData.Org provinceTeam = data.org(province, data.unique("Đội ứng cứu tỉnh"));
        TestData.Org nearTeam = data.org(near, data.unique("Đội ứng cứu sở"));
        data.designateResponseUnit(province, provinceTeam);
        data.designateResponseUnit(near, nearTeam);
        TestData.Person officer = data.person(province, Role.SECURITY_OFFICER);
        Http.Api api = http.api(officer.token());
        long first = report(api, near, ScanTestSupport.system(data, near));
        report(api, far, ScanTestSupport.system(data, far));
        report(api, far, null);
        report(api, near, null);
        Http.Response sent = api.post("/api/v1/incidents/" + first + "/reports", Map.of("kind", "INITIAL_24H"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);

        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        new Officer(officer.id(), officer.username()), null, List.of()));
        List<Incident> open = incidents.list(new IncidentRepository.ListQuery(province.id(), null, true, 50));
        assertThat(open).hasSize(4);
        Map<Long, List<IncidentService.Due>> each = new LinkedHashMap<>();
        open.forEach(i -> each.put(i.id(), service.resolve(i, service.assessment(i))));
        Map<Long, List<IncidentService.Due>> all = service.resolveAll(open);
        assertThat(all).isEqualTo(each);
        // The case is not trivial: recipients were resolved differently per owner, and one report was submitted.
        assertThat(each.values().stream().flatMap(List::stream).flatMap(d -> d.recipients().stream()))
                .contains(provinceTeam.id(), nearTeam.id());
        assertThat(each.get(first)).anyMatch(IncidentService.Due::submitted);
    }

    private long report(Http.Api api, TestData.Org org, Long system) {
        return IncidentReports.report(api, org, system, data.unique("Sự cố đồng hồ"));
    }

    private record Officer(long personId, String username) implements PersonPrincipal {}
}
