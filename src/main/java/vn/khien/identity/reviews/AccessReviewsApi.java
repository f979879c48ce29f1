package vn.khien.identity.reviews;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.platform.FieldProblemException;

/** Quarterly access reviews of administrative grants (ADR 0039). */
@RestController
class AccessReviewsApi {

    private final AccessReviewService reviews;

    AccessReviewsApi(AccessReviewService reviews) {
        this.reviews = reviews;
    }

    @PostMapping("/api/v1/organizations/{id}/access-reviews")
    @Operation(summary = "Open the current quarter's review of the administrative grants held on an organisation")
    @ApiResponse(responseCode = "201", description = "The opened review, every grant still to decide")
    ResponseEntity<AccessReview> open(@PathVariable long id) {
        AccessReview review = reviews.open(id);
        return ResponseEntity.created(URI.create("/api/v1/access-reviews/" + review.id()))
                .body(review);
    }

    @GetMapping("/api/v1/access-reviews/{id}")
    @Operation(summary = "Read one access review with its grants and decisions")
    @ApiResponse(responseCode = "200", description = "The review")
    AccessReview get(@PathVariable long id) {
        return reviews.get(id);
    }

    @PostMapping("/api/v1/access-reviews/{id}/decisions")
    @Operation(summary = "Confirm or revoke one grant under review; a revocation removes the grant and needs a reason")
    @ApiResponse(responseCode = "200", description = "The review with the decision recorded")
    AccessReview decide(@PathVariable long id, @RequestBody DecisionRequest request) {
        if (request.grantId() == null) {
            reviews.get(id); // an unknown or hidden review is 404 before the body is judged
            throw new FieldProblemException("grantId", "validation.required");
        }
        return reviews.decide(id, request.grantId(), request.decision(), request.reason());
    }

    @PostMapping("/api/v1/access-reviews/{id}/actions/close")
    @Operation(summary = "Close an access review once every grant is decided")
    @ApiResponse(responseCode = "200", description = "The closed review")
    AccessReview close(@PathVariable long id) {
        return reviews.close(id);
    }
}
