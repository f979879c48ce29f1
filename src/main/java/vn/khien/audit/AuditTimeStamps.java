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
import java.security.cert.CRL;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
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
import org.jspecify.annotations.Nullable;

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

    private final @Nullable URI url;
    private final @Nullable X509Certificate trusted;
    private final Set<TrustAnchor> anchors;
    private final List<X509CRL> crls;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A token that is present but wrong: names what does not hold. */
    static final class InvalidToken extends Exception {
        InvalidToken(String message) {
            super(message);
        }
    }

    AuditTimeStamps(String url, String certificateFile) {
        this(url, certificateFile, "", "");
    }

    /**
     * With {@code trustAnchorsFile} (PEM bundle of CA certificates), a token's signer must chain to one of them at the
     * attested time; with {@code crlFiles} (comma-separated PEM or DER CRLs of that chain), no certificate of the chain
     * may be revoked. Both are files, not URLs: the networks Khiên serves are often closed (ADR 0030).
     */
    AuditTimeStamps(String url, String certificateFile, String trustAnchorsFile, String crlFiles) {
        this.url = url == null || url.isBlank() ? null : URI.create(url.trim());
        this.trusted =
                certificateFile == null || certificateFile.isBlank() ? null : read(Path.of(certificateFile.trim()));
        this.anchors = trustAnchorsFile == null || trustAnchorsFile.isBlank()
                ? Set.of()
                : anchors(Path.of(trustAnchorsFile.trim()));
        this.crls = crlFiles == null || crlFiles.isBlank() ? List.of() : crls(crlFiles);
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
            // BouncyCastle also checks the signer is a time-stamping certificate (critical EKU) valid at genTime.
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            if (!anchors.isEmpty()) {
                chainsToAnAnchor(token, signer, info.getGenTime());
            }
            return info.getGenTime().toInstant();
        } catch (TSPException | CMSException | IOException | OperatorCreationException | GeneralSecurityException e) {
            throw new InvalidToken("the time-stamp token does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidToken(
                    "unreadable time-stamp token: " + e.getClass().getSimpleName());
        }
    }

    /** PKIX path from the signer, through the certificates the token carries, to a configured anchor. */
    @SuppressWarnings("unchecked")
    private void chainsToAnAnchor(TimeStampToken token, X509CertificateHolder signer, Date at)
            throws InvalidToken, GeneralSecurityException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        X509Certificate leaf = converter.getCertificate(signer);
        List<Object> pool = new ArrayList<>();
        pool.add(leaf);
        for (X509CertificateHolder h :
                (Collection<X509CertificateHolder>) token.getCertificates().getMatches(null)) {
            pool.add(converter.getCertificate(h));
        }
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
        params.setDate(at);
        params.setRevocationEnabled(false);
        CertPath path;
        try {
            path = CertPathBuilder.getInstance("PKIX").build(params).getCertPath();
        } catch (CertPathBuilderException e) {
            throw new InvalidToken(
                    "the time-stamping authority's certificate does not chain to a configured trust anchor: "
                            + e.getMessage());
        }
        if (crls.isEmpty()) {
            return;
        }
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
        // Only the CRL files given: no OCSP or CRL download from a closed network.
        revocation.setOptions(
                EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
        PKIXParameters check = new PKIXParameters(anchors);
        check.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        // Revocation as of today while the TSA's certificate is valid (a key compromised since must count); an expired
        // certificate is no longer listed by its CA, so its status is read as of the attested time.
        check.setDate(isValidNow(leaf) ? new Date() : at);
        check.addCertPathChecker(revocation);
        try {
            validator.validate(path, check);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                throw new InvalidToken("the time-stamping authority's certificate is revoked: " + e.getMessage());
            }
            throw new InvalidToken("the revocation status of the time-stamping authority's certificate cannot be"
                    + " established from the configured CRLs: " + e.getMessage());
        }
    }

    private static boolean isValidNow(X509Certificate certificate) {
        try {
            certificate.checkValidity();
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Set<TrustAnchor> anchors(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Set<TrustAnchor> result = new HashSet<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                result.add(new TrustAnchor((X509Certificate) c, null));
            }
            if (result.isEmpty()) {
                throw new IllegalStateException("KHIEN_AUDIT_TSA_TRUST_ANCHORS: no certificate in " + pem);
            }
            return Set.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException("KHIEN_AUDIT_TSA_TRUST_ANCHORS: unreadable " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("KHIEN_AUDIT_TSA_TRUST_ANCHORS: not X.509 certificates: " + pem, e);
        }
    }

    private static List<X509CRL> crls(String files) {
        List<X509CRL> result = new ArrayList<>();
        for (String name : files.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Path file = Path.of(name.trim());
            try (InputStream in = Files.newInputStream(file)) {
                for (CRL c : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                    result.add((X509CRL) c);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("KHIEN_AUDIT_TSA_CRLS: unreadable " + file, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("KHIEN_AUDIT_TSA_CRLS: not an X.509 CRL: " + file, e);
            }
        }
        return List.copyOf(result);
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
