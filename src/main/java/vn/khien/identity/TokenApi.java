package vn.khien.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.identity.throttle.LoginThrottle;
import vn.khien.platform.FieldProblemException;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens")
class TokenApi {

    public record TokenRequest(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}")
            String username,

            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}")
            String password,

            @Size(max = 20, message = "{validation.size}") String totpCode,
            @Size(max = 100, message = "{validation.size}") String name,
            Integer expiresInDays) {}

    public record TokenResponse(long id, String name, String token, Instant expiresAt) {}

    private final AuthenticationManager authentication;
    private final ApiTokenService tokens;
    private final MfaService mfa;
    private final ProblemResponses problems;
    private final LoginThrottle throttle;

    public TokenApi(
            AuthenticationManager authentication,
            ApiTokenService tokens,
            MfaService mfa,
            ProblemResponses problems,
            LoginThrottle throttle) {
        this.throttle = throttle;
        this.authentication = authentication;
        this.tokens = tokens;
        this.mfa = mfa;
        this.problems = problems;
    }

    /** Authenticated by the person's own password (and TOTP code when enrolled); the token is shown only here. */
    @PostMapping
    @Operation(summary = "Create a personal API token with username, password and TOTP code")
    @ApiResponse(
            responseCode = "201",
            description = "The new token; its secret is shown only in this answer",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(
            responseCode = "429",
            description = "Too many failed attempts from this address or for this name: wait Retry-After seconds")
    public ResponseEntity<?> create(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        Optional<Duration> wait = throttle.retryAfter(http.getRemoteAddr(), request.username());
        if (wait.isPresent()) {
            return tooManyAttempts(wait.get());
        }
        Authentication auth;
        try {
            auth = authentication.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        } catch (AuthenticationException e) {
            if (http.getAttribute(LoginThrottle.RETRY_AFTER) instanceof Duration started) {
                return tooManyAttempts(started);
            }
            return unauthorized("error.badCredentials");
        }
        KhienUserDetails person = (KhienUserDetails) Objects.requireNonNull(auth.getPrincipal(), "principal");
        if (mfa.enrolled(person.personId())) {
            if (request.totpCode() == null || request.totpCode().isBlank()) {
                throw new FieldProblemException("totpCode", "validation.required");
            }
            // Code guesses here share the sign-in page's TOTP keys (ADR 0017): neither door gives more guesses.
            String source = http.getRemoteAddr();
            String key = SignInPages.TOTP_KEY_PREFIX + request.username();
            Optional<Duration> codeWait = throttle.retryAfter(source, key);
            if (codeWait.isPresent()) {
                return tooManyAttempts(codeWait.get());
            }
            if (!mfa.verify(person.personId(), request.totpCode())) {
                Optional<Duration> now = throttle.failed(source, key, null).retryAfter();
                if (now.isPresent()) {
                    return tooManyAttempts(now.get());
                }
                return unauthorized("mfa.invalid");
            }
            throttle.succeeded(source, key);
        }
        String name = request.name() == null || request.name().isBlank() ? "api" : request.name();
        int days = request.expiresInDays() == null ? 90 : request.expiresInDays();
        ApiTokenService.Created created = tokens.create(person.personId(), name, days);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new TokenResponse(
                        created.token().id(),
                        created.token().name(),
                        created.secret(),
                        created.token().expiresAt()));
    }

    /** 429 with Retry-After: the same answer whether or not the name is an account's (ADR 0017). */
    private ResponseEntity<?> tooManyAttempts(Duration wait) {
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
        pd.setType(URI.create("urn:khien:problem:too-many-attempts"));
        pd.setDetail(problems.text("login.throttled.api"));
        pd.setProperty("retryAfterSeconds", wait.toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(wait.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    private ResponseEntity<?> unauthorized(String key) {
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED);
        pd.setType(URI.create("urn:khien:problem:unauthenticated"));
        pd.setDetail(problems.text(key));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }
}
