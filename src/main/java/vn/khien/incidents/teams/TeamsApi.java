package vn.khien.incidents.teams;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.platform.Downloads;

@RestController
@Tag(
        name = "Response teams",
        description =
                "Incident-response teams of ministries and provinces (R26): roster, skills, 24/7 on-call rotation")
class TeamsApi {

    private final TeamService service;
    private final TeamRules rules;

    TeamsApi(TeamService service, TeamRules rules) {
        this.service = service;
        this.rules = rules;
    }

    @GetMapping("/api/v1/response-teams")
    @Operation(summary = "The response teams the caller may see")
    @ApiResponse(responseCode = "200", description = "The teams, possibly none")
    public List<TeamRepository.Team> list() {
        return service.list();
    }

    @PostMapping("/api/v1/response-teams")
    @Operation(summary = "Set up the response team of a ministry or province, hosted by its designated response unit")
    @ApiResponse(responseCode = "201", description = "The team was created; its id")
    public ResponseEntity<Map<String, Long>> create(@RequestBody TeamService.TeamRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", service.create(request)));
    }

    @GetMapping("/api/v1/response-teams/{id}")
    @Operation(summary = "A team: roster, skills against the standard, who is on call now, this week and next")
    @ApiResponse(responseCode = "200", description = "The team")
    public TeamService.TeamView show(@PathVariable long id) {
        return service.view(id);
    }

    @PutMapping("/api/v1/response-teams/{id}/decision")
    @Operation(summary = "Record the team's establishment decision (number and date), the evidence of R26")
    @ApiResponse(responseCode = "200", description = "The team with its decision")
    public TeamService.TeamView decision(@PathVariable long id, @RequestBody TeamService.DecisionRequest request) {
        service.recordDecision(id, request, null, null);
        return service.view(id);
    }

    @PostMapping("/api/v1/response-teams/{id}/members")
    @Operation(summary = "Add a member: a person of the tree or an outsourced expert, with role, contact and skills")
    @ApiResponse(responseCode = "201", description = "The member was added; its id")
    public ResponseEntity<Map<String, Long>> addMember(
            @PathVariable long id, @RequestBody TeamService.MemberRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", service.addMember(id, request)));
    }

    @GetMapping("/api/v1/response-teams/{id}/members/{memberId}")
    @Operation(summary = "A member of the team, current or former, with skills, certificate files and upcoming shifts")
    @ApiResponse(responseCode = "200", description = "The member")
    public TeamService.MemberView member(@PathVariable long id, @PathVariable long memberId) {
        return service.member(id, memberId);
    }

    @PutMapping("/api/v1/response-teams/{id}/members/{memberId}")
    @Operation(
            summary = "Edit a current member: name, firm, contact, role, outsourced flag; skills and upcoming on-call"
                    + " slots are replaced when given")
    @ApiResponse(responseCode = "200", description = "The member as saved")
    public TeamService.MemberView updateMember(
            @PathVariable long id, @PathVariable long memberId, @RequestBody TeamService.MemberUpdate request) {
        service.updateMember(id, memberId, request);
        return service.member(id, memberId);
    }

    @DeleteMapping("/api/v1/response-teams/{id}/members/{memberId}")
    @Operation(
            summary = "A member leaves the team: off the roster and the rotation from now on, kept in the history with"
                    + " the day they left (endedOn, default today) and the reason")
    @ApiResponse(responseCode = "200", description = "The team without the member on its roster")
    public TeamService.TeamView removeMember(
            @PathVariable long id,
            @PathVariable long memberId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedOn,
            @RequestParam(required = false) String reason) {
        service.removeMember(id, memberId, new TeamService.MemberEnd(endedOn, reason));
        return service.view(id);
    }

    @PostMapping(
            value = "/api/v1/response-teams/{id}/members/{memberId}/certificates/{skill}",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload the file of the member's certificate for a skill they hold (PDF, PNG or JPEG by content,"
                    + " at most 5 MB); replaces the previous file")
    @ApiResponse(responseCode = "200", description = "The stored file: name, type, SHA-256, size, who uploaded it when")
    public TeamRepository.CertificateFile uploadCertificate(
            @PathVariable long id,
            @PathVariable long memberId,
            @PathVariable String skill,
            @RequestPart(value = "file", required = false) MultipartFile file)
            throws IOException {
        return service.uploadCertificate(
                id,
                memberId,
                skill,
                file == null ? null : file.getOriginalFilename(),
                file == null || file.isEmpty() ? null : file.getBytes());
    }

    @GetMapping("/api/v1/response-teams/{id}/members/{memberId}/certificates/{skill}")
    @Operation(summary = "Download the file of a member's certificate (audited)")
    @ApiResponse(responseCode = "200", description = "The file, as an attachment")
    public ResponseEntity<byte[]> certificate(
            @PathVariable long id, @PathVariable long memberId, @PathVariable String skill) {
        TeamService.CertificateDownload f = service.certificate(id, memberId, skill);
        return Downloads.attachment(f.content(), f.fileName(), MediaType.parseMediaType(f.contentType()));
    }

    @PostMapping("/api/v1/response-teams/{id}/rotation")
    @Operation(summary = "Plan the 24/7 on-call rotation from a day at 08:00, replacing shifts planned from then on")
    @ApiResponse(responseCode = "200", description = "The team with its new rotation")
    public TeamService.TeamView rotation(@PathVariable long id, @RequestBody TeamService.RotationRequest request) {
        service.rotate(id, request);
        return service.view(id);
    }

    @GetMapping("/api/v1/response-teams/skill-standard")
    @Operation(summary = "The roles and the skill standard teams are measured against, with their legal source")
    @ApiResponse(responseCode = "200", description = "The rule data")
    public Map<String, Object> standard() {
        return Map.of(
                "legalSource", rules.legalSource(),
                "choice", rules.choice(),
                "roles", rules.roles(),
                "skills", rules.skills(),
                "applicability", rules.applicability());
    }
}
