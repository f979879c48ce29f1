package vn.khien.obligations.awareness;

import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Awareness campaigns, their delivery and acknowledgement log, and the personal acknowledgement link. */
@RestController
class AwarenessApi {

    private final AwarenessService awareness;

    AwarenessApi(AwarenessService awareness) {
        this.awareness = awareness;
    }

    @PostMapping("/api/v1/awareness-campaigns")
    ResponseEntity<AwarenessService.Created> create(@RequestBody CampaignRequest request) {
        AwarenessService.Created created = awareness.create(request);
        return ResponseEntity.created(URI.create("/api/v1/awareness-campaigns/" + created.id() + "/deliveries"))
                .body(created);
    }

    @GetMapping("/api/v1/awareness-campaigns/{id}/deliveries")
    AwarenessService.Deliveries deliveries(@PathVariable long id) {
        return awareness.deliveries(id);
    }

    /** The link in the mail: no sign-in needed, the token is the person's. */
    @GetMapping(value = "/public/awareness/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> acknowledge(@PathVariable String token) {
        if (!awareness.acknowledge(token)) {
            return ResponseEntity.status(404)
                    .body("<!DOCTYPE html><html lang=\"vi\"><meta charset=\"UTF-8\">"
                            + "<p>Liên kết không hợp lệ.</p></html>");
        }
        return ResponseEntity.ok("<!DOCTYPE html><html lang=\"vi\"><meta charset=\"UTF-8\"><title>Khiên</title>"
                + "<p id=\"acknowledged\">Cảm ơn đồng chí đã xác nhận đã đọc thông điệp.</p></html>");
    }
}
