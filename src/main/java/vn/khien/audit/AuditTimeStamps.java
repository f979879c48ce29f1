package vn.khien.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.Selector;

/**
 * RFC 3161 time-stamps of audit checkpoints (ADR 0030): an outside time-stamping authority (TSA) countersigns the
 * SHA-256 of a checkpoint's signed payload, so that a checkpoint proves <em>when</em> the head existed, independently
 * of the operator's clock and key. Requests go over HTTP ({@code application/timestamp-query}) to
 * {@code khien.audit.tsa-url}; the answer is checked against the request (status, imprint, nonce) before its token
 * is kept. Verification checks a token's imprint against the checkpoint and its signature against the TSA certificate
 * named by {@code khien.audit.tsa-certificate} (a PEM file), or, when none is configured, against the certificate the
 * token carries (integrity without the TSA's identity).
 */
final class AuditTimeStamps {

    private static final SecureRandom NONCES = new SecureRandom();

    private final URI url;
    private final X509Certificate trusted;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A token that is present but wrong: names what does not hold. */
    static final class InvalidToken extends Exception {
        InvalidToken(String message) {
            super(message);
        }
    }

    AuditTimeStamps(String url, String certificateFile) {
        this.url = url == null || url.isBlank() ? null : URI.create(url.trim());
        this.trusted =
                certificateFile == null || certificateFile.isBlank() ? null : read(Path.of(certificateFile.trim()));
    }

    /** Whether checkpoints are time-stamped (a TSA is configured). */
    boolean enabled() {
        return url != null;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks the TSA for a token over the digest; returns the DER-encoded token, checked against the request. */
    byte[] request(byte[] digest) throws IOException, TSPException {
        if (url == null) {
            throw new IllegalStateException("no time-stamping authority configured (khien.audit.tsa-url)");
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, digest, new BigInteger(64, NONCES));
        HttpRequest post = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/timestamp-query")
                .header("Accept", "application/timestamp-reply")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                .build();
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the time-stamping authority", e);
        }
        if (answer.statusCode() != 200) {
            throw new IOException("the time-stamping authority answered HTTP " + answer.statusCode());
        }
        TimeStampResponse response = new TimeStampResponse(answer.body());
        response.validate(request); // status granted, imprint, nonce and policy of our request
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new TSPException("the time-stamping authority granted no token: " + response.getStatusString());
        }
        try {
            verify(token.getEncoded(), digest); // its signature, before it is written anywhere
        } catch (InvalidToken e) {
            throw new TSPException(e.getMessage(), e);
        }
        return token.getEncoded();
    }

    /** Checks a token over the digest; returns the time the TSA attests. */
    Instant verify(byte[] encoded, byte[] digest) throws InvalidToken {
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(encoded));
            TimeStampTokenInfo info = token.getTimeStampInfo();
            if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())
                    || !Arrays.equals(info.getMessageImprintDigest(), digest)) {
                throw new InvalidToken("the time-stamp token is not over this checkpoint");
            }
            X509CertificateHolder signer = trusted != null ? new JcaX509CertificateHolder(trusted) : carried(token);
            if (trusted != null && !token.getSID().match(signer)) {
                throw new InvalidToken("the time-stamp token is not signed by the configured time-stamping authority");
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            return info.getGenTime().toInstant();
        } catch (TSPException | CMSException | IOException | OperatorCreationException | GeneralSecurityException e) {
            throw new InvalidToken("the time-stamp token does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidToken(
                    "unreadable time-stamp token: " + e.getClass().getSimpleName());
        }
    }

    @SuppressWarnings("unchecked")
    private static X509CertificateHolder carried(TimeStampToken token) throws InvalidToken {
        Collection<X509CertificateHolder> certs =
                token.getCertificates().getMatches((Selector<X509CertificateHolder>) (Selector<?>) token.getSID());
        if (certs.isEmpty()) {
            throw new InvalidToken("the time-stamp token carries no certificate of its signer");
        }
        return certs.iterator().next();
    }

    private static X509Certificate read(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("KHIEN_AUDIT_TSA_CERTIFICATE: unreadable " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("KHIEN_AUDIT_TSA_CERTIFICATE: not an X.509 certificate: " + pem, e);
        }
    }
}
