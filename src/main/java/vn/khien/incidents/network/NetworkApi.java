package vn.khien.incidents.network;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.platform.Downloads;

@RestController
@Tag(
        name = "Incident-response network",
        description = "Duties of a network member (TT 20/2017 Đ5–6): member profile (Form 01), 24/7 contact point,"
                + " periodic reports (Form 05) owed, drafted in the reports module")
class NetworkApi {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final NetworkService service;

    NetworkApi(NetworkService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/incident-network/members")
    @Operation(summary = "Network members the caller may see (mandatory member kinds)")
    @ApiResponse(responseCode = "200", description = "The members, by name")
    public List<NetworkRepository.Member> members() {
        return service.members();
    }

    @GetMapping("/api/v1/incident-network/members/{organizationId}")
    @Operation(summary = "A member's profile, 24/7 contact point with its change log, and its periodic reports")
    @ApiResponse(responseCode = "200", description = "The member's duties and their state")
    public NetworkService.MemberView member(@PathVariable long organizationId) {
        return service.view(organizationId);
    }

    @PostMapping("/api/v1/incident-network/members/{organizationId}/profile")
    @Operation(summary = "Submit the member profile (Form 01) as a new version; fields keyed as in the rule data")
    @ApiResponse(responseCode = "201", description = "The profile as submitted, with its next due date")
    public ResponseEntity<NetworkService.ProfileView> profile(
            @PathVariable long organizationId, @RequestBody NetworkService.ProfileRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.submitProfile(organizationId, request));
    }

    @PostMapping("/api/v1/incident-network/members/{organizationId}/contact-point")
    @Operation(summary = "Change the 24/7 contact point; the change is logged and owed to the coordinator within 24 h")
    @ApiResponse(responseCode = "201", description = "The logged change with the instant its report is due")
    public ResponseEntity<ContactChange> contact(
            @PathVariable long organizationId, @RequestBody NetworkService.ContactRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.changeContact(organizationId, request));
    }

    @PostMapping("/api/v1/incident-network/members/{organizationId}/contact-point/{changeId}/report")
    @Operation(summary = "Record that a contact-point change was reported to the coordinator (on time is computed)")
    @ApiResponse(responseCode = "200", description = "The change with its report time")
    public ContactChange reportContact(@PathVariable long organizationId, @PathVariable long changeId) {
        return service.reportContact(organizationId, changeId);
    }

    @GetMapping("/api/v1/incident-network/members/{organizationId}/reports/{reportId}.docx")
    @Operation(
            summary = "The document of a periodic report recorded here before the reports module's member report"
                    + " (read only; new reports are drafted in /api/v1/reports, kind IR_NETWORK_MEMBER)")
    @ApiResponse(responseCode = "200", description = "The DOCX document")
    public ResponseEntity<byte[]> document(@PathVariable long organizationId, @PathVariable long reportId) {
        return Downloads.attachment(
                service.reportDocument(organizationId, reportId), "bao-cao-mau-05-" + reportId + ".docx", DOCX);
    }
}
