package vn.khien.obligations.awareness;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Awareness campaigns (R25): create one, list them, and read one's delivery and acknowledgement log. */
@RestController
class AwarenessApi {

    private final AwarenessService awareness;

    AwarenessApi(AwarenessService awareness) {
        this.awareness = awareness;
    }

    @PostMapping("/api/v1/awareness-campaigns")
    @Operation(
            summary = "Create an awareness campaign; the rounds job sends its first round",
            description = "audience ORGANIZATION, SUBTREE or LIST (with recipients[{email, name}], checked all or"
                    + " nothing); repeatEvery ONCE, MONTHLY or QUARTERLY; topic from the topics rule data. The"
                    + " request only schedules: a first round due today is sent by the background job within a"
                    + " minute")
    @ApiResponse(responseCode = "201", description = "The campaign's id and the day its first round goes out")
    ResponseEntity<AwarenessService.Created> create(@RequestBody CampaignRequest request) {
        AwarenessService.Created created = awareness.create(request);
        return ResponseEntity.created(URI.create("/api/v1/awareness-campaigns/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/v1/awareness-campaigns")
    @Operation(summary = "List the awareness campaigns of the organisations the caller may see")
    @ApiResponse(responseCode = "200", description = "Campaigns, newest first, with rounds and acknowledgement counts")
    List<Campaign> list() {
        return awareness.list();
    }

    @GetMapping("/api/v1/awareness-campaigns/{id}")
    @Operation(summary = "Read one awareness campaign")
    @ApiResponse(responseCode = "200", description = "The campaign with its rounds and acknowledgement counts")
    Campaign get(@PathVariable long id) {
        return awareness.campaign(id);
    }

    @PutMapping("/api/v1/awareness-campaigns/{id}")
    @Operation(
            summary = "Edit an awareness campaign",
            description = "Absent fields stay as they are. Before any round was sent: topic, title, message, audience"
                    + " (recipients for LIST), repeatEvery, startsOn. After: only message (of the later rounds),"
                    + " repeatEvery and nextRoundOn; any other change is refused on its field. Audited.")
    @ApiResponse(responseCode = "200", description = "The campaign as edited")
    Campaign update(@PathVariable long id, @RequestBody CampaignEdit edit) {
        return awareness.update(id, edit);
    }

    @PostMapping("/api/v1/awareness-campaigns/{id}/stop")
    @Operation(summary = "Stop a repeating awareness campaign: no later round is sent")
    @ApiResponse(responseCode = "200", description = "The stopped campaign")
    Campaign stop(@PathVariable long id) {
        return awareness.stop(id);
    }

    @GetMapping("/api/v1/awareness-campaigns/{id}/deliveries")
    @Operation(
            summary = "Read a campaign's delivery and acknowledgement log and the share acknowledged per organisation")
    @ApiResponse(responseCode = "200", description = "Every delivery of every round, and counts per organisation")
    AwarenessService.Deliveries deliveries(@PathVariable long id) {
        return awareness.deliveries(id);
    }
}
