package vn.khien.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.khien.support.IntegrationTest;
import vn.khien.support.TestData;

/**
 * Issue 10, item 9 (ADR 0030): with a time-stamping authority configured, each audit checkpoint carries an RFC 3161
 * token over its signed payload, and verification checks it: the imprint must be this checkpoint's, the signature
 * the configured TSA's. The TSA is a real one, in-process: BouncyCastle's {@code TimeStampResponseGenerator} behind a
 * JDK {@code HttpServer}. The checkpoints of this test go to their own directory with their own signing key.
 */
class AuditTimeStampTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    AuditChainVerifier chain;

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stopAuthorities() {
        servers.forEach(s -> s.stop(0));
    }

    /** A TSA: its certificate (PEM, in a file) and its URL. */
    record Authority(Path certificate, String url, X509Certificate cert) {}

    /** A certification authority above TSAs: its keys and certificate, written as a PEM trust-anchor file. */
    record Ca(KeyPair keys, X509Certificate cert, Path pem) {}

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    Ca ca(String name) throws Exception {
        KeyPair keys = ecKeys();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name("CN=" + name),
                BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(30, ChronoUnit.DAYS)),
                new X500Name("CN=" + name),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        Path pem = dir.resolve(name.replace(' ', '-') + "-ca.pem");
        Files.writeString(pem, pem("CERTIFICATE", cert.getEncoded()));
        return new Ca(keys, cert, pem);
    }

    /** A CRL of the CA listing the given certificates as revoked. */
    Path crl(Ca ca, X509Certificate... revoked) throws Exception {
        Date now = new Date();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                new X500Name(ca.cert().getSubjectX500Principal().getName()), now);
        builder.setNextUpdate(Date.from(Instant.now().plus(7, ChronoUnit.DAYS)));
        for (X509Certificate c : revoked) {
            builder.addCRLEntry(c.getSerialNumber(), now, CRLReason.keyCompromise);
        }
        X509CRL crl = new JcaX509CRLConverter()
                .getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                        .build(ca.keys().getPrivate())));
        Path file = dir.resolve("crl-" + SERIALS.incrementAndGet() + ".pem");
        Files.writeString(file, pem("X509 CRL", crl.getEncoded()));
        return file;
    }

    Authority authority(String name) throws Exception {
        return authority(name, null);
    }

    Authority authority(String name, Ca issuer) throws Exception {
        KeyPair keys = ecKeys();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer == null
                        ? new X500Name("CN=" + name)
                        : new X500Name(issuer.cert().getSubjectX500Principal().getName()),
                BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)),
                new X500Name("CN=" + name),
                keys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        PrivateKey signing = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signing)));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", keys.getPrivate(), cert),
                new JcaDigestCalculatorProviderBuilder()
                        .build()
                        .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new JcaCertStore(List.of(cert)));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        AtomicLong serial = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            try {
                TimeStampRequest request =
                        new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                byte[] answer = responses
                        .generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date())
                        .getEncoded();
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (Exception e) {
                throw new IOException(e);
            } finally {
                exchange.close();
            }
        });
        server.start();
        servers.add(server);
        Path pem = dir.resolve(name + ".pem");
        Files.writeString(
                pem,
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(cert.getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
        return new Authority(pem, "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa", cert);
    }

    AuditCheckpoints checkpoints(String tsaUrl, Path tsaCertificate) {
        return checkpoints(tsaUrl, tsaCertificate, null, "", false);
    }

    AuditCheckpoints checkpoints(String tsaUrl, Path tsaCertificate, Path anchors, String crls, boolean required) {
        return new AuditCheckpoints(
                jdbc,
                clock,
                chain,
                dir.resolve("checkpoints").toString(),
                dir.resolve("key.pem").toString(),
                tsaUrl,
                tsaCertificate == null ? "" : tsaCertificate.toString(),
                anchors == null ? "" : anchors.toString(),
                crls,
                required);
    }

    void aNewAuditRecord() {
        TestData.Org org = data.org(data.root(), "Dấu thời gian");
        admin().patch("/api/v1/organizations/" + org.id(), Map.of("address", "T"));
    }

    @Test
    void checkpointsCarryAVerifiedTimeStampAndATokenOfAnotherCheckpointOrAuthorityIsRefused() throws Exception {
        Authority tsa = authority("Khien Test TSA");
        generateSigningKey();
        AuditCheckpoints stamped = checkpoints(tsa.url(), tsa.certificate());

        aNewAuditRecord();
        AuditCheckpoints.Checkpoint first = stamped.create();
        assertThat(first.timeStampedAt()).as("time attested by the TSA").isNotNull();
        assertThat(first.timeStampedAt())
                .isBetween(first.createdAt().minusSeconds(60), Instant.now().plusSeconds(1));
        aNewAuditRecord();
        AuditCheckpoints.Checkpoint second = stamped.create();
        assertThat(second.timeStampedAt()).isNotNull();
        Path firstFile = dir.resolve("checkpoints").resolve(first.fileName());
        JsonNode written = json.readTree(Files.readString(firstFile));
        assertThat(written.path("timeStampToken").asString()).isNotEmpty();

        AuditCheckpoints.Verification ok = stamped.verify();
        assertThat(ok.intact()).as(ok.toString()).isTrue();
        assertThat(ok.timeStamped()).isEqualTo(2);

        // The token of the second checkpoint pasted into the first: not over this checkpoint.
        String original = Files.readString(firstFile);
        ObjectNode swapped = (ObjectNode) json.readTree(original);
        swapped.put(
                "timeStampToken",
                json.readTree(Files.readString(dir.resolve("checkpoints").resolve(second.fileName())))
                        .path("timeStampToken")
                        .asString());
        Files.writeString(firstFile, json.writeValueAsString(swapped));
        AuditCheckpoints.Verification pasted = stamped.verify();
        assertThat(pasted.intact()).isFalse();
        assertThat(pasted.problem()).contains("not over this checkpoint");
        assertThat(pasted.file()).isEqualTo(first.fileName());
        Files.writeString(firstFile, original);

        // A checkpoint time-stamped by another authority: refused where the configured TSA's certificate is pinned.
        Authority other = authority("Other TSA");
        aNewAuditRecord();
        AuditCheckpoints.Checkpoint foreign =
                checkpoints(other.url(), other.certificate()).create();
        assertThat(foreign.timeStampedAt()).isNotNull();
        AuditCheckpoints.Verification refused = stamped.verify();
        assertThat(refused.intact()).isFalse();
        assertThat(refused.problem()).contains("not signed by the configured time-stamping authority");
        assertThat(refused.file()).isEqualTo(foreign.fileName());
    }

    @Test
    void anUnreachableAuthorityDoesNotStopTheCheckpoint() throws Exception {
        generateSigningKey();
        int port = closedPort();
        aNewAuditRecord();
        AuditCheckpoints.Checkpoint c =
                checkpoints("http://127.0.0.1:" + port + "/tsa", null).create();
        assertThat(c.timeStampedAt()).isNull();
        assertThat(Files.readString(dir.resolve("checkpoints").resolve(c.fileName())))
                .contains("signature")
                .doesNotContain("timeStampToken");
        AuditCheckpoints.Verification v = checkpoints("", null).verify();
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.timeStamped()).isZero();
    }

    @Test
    void withTrustAnchorsATokenMustChainToThemAndNotBeRevoked() throws Exception {
        Ca root = ca("Khien Test Root");
        Authority issued = authority("Issued TSA", root);
        generateSigningKey();
        aNewAuditRecord();
        AuditCheckpoints.Checkpoint c =
                checkpoints(issued.url(), null, root.pem(), "", false).create();
        assertThat(c.timeStampedAt()).isNotNull();

        AuditCheckpoints.Verification chained =
                checkpoints("", null, root.pem(), "", false).verify();
        assertThat(chained.intact()).as(chained.toString()).isTrue();
        assertThat(chained.timeStamped()).isEqualTo(1);

        AuditCheckpoints.Verification current =
                checkpoints("", null, root.pem(), crl(root).toString(), false).verify();
        assertThat(current.intact())
                .as("a CRL that does not list the TSA: " + current)
                .isTrue();

        AuditCheckpoints.Verification revoked = checkpoints(
                        "", null, root.pem(), crl(root, issued.cert()).toString(), false)
                .verify();
        assertThat(revoked.intact()).isFalse();
        assertThat(revoked.problem()).contains("revoked");
        assertThat(revoked.file()).isEqualTo(c.fileName());

        Ca otherRoot = ca("Other Root");
        AuditCheckpoints.Verification foreign =
                checkpoints("", null, otherRoot.pem(), "", false).verify();
        assertThat(foreign.intact()).isFalse();
        assertThat(foreign.problem()).contains("does not chain to a configured trust anchor");

        // A self-signed TSA is refused where anchors are configured, even though its own signature verifies.
        Authority selfSigned = authority("Self-signed TSA");
        assertThat(checkpoints(selfSigned.url(), null, root.pem(), "", false)
                        .create()
                        .timeStampedAt())
                .as("a token that does not chain is not written")
                .isNull();
    }

    @Test
    void aRequiredTimeStampIsNeverMissingAfterTheFirstOne() throws Exception {
        generateSigningKey();
        aNewAuditRecord();
        AuditCheckpoints.Checkpoint before = checkpoints("", null).create(); // before any TSA was configured
        assertThat(before.timeStampedAt()).isNull();

        Authority tsa = authority("Required TSA");
        aNewAuditRecord();
        AuditCheckpoints required = checkpoints(tsa.url(), tsa.certificate(), null, "", true);
        assertThat(required.create().timeStampedAt()).isNotNull();
        AuditCheckpoints.Verification ok = required.verify();
        assertThat(ok.intact())
                .as("an unstamped checkpoint before the first stamped one: " + ok)
                .isTrue();

        int port = closedPort();
        aNewAuditRecord();
        int files = required.files().size();
        assertThatThrownBy(() -> checkpoints("http://127.0.0.1:" + port + "/tsa", tsa.certificate(), null, "", true)
                        .create())
                .isInstanceOf(AuditCheckpoints.TimeStampMissing.class)
                .hasMessageContaining("no checkpoint is written");
        assertThat(required.files()).as("nothing written without the token").hasSize(files);

        // A forger with only the signing key writes an unstamped checkpoint after stamped ones: found.
        AuditCheckpoints.Checkpoint forged = checkpoints("", null).create();
        AuditCheckpoints.Verification found = required.verify();
        assertThat(found.intact()).isFalse();
        assertThat(found.problem()).contains("carries no time-stamp although one is required");
        assertThat(found.file()).isEqualTo(forged.fileName());
        assertThat(checkpoints(tsa.url(), tsa.certificate()).verify().intact())
                .as("without the requirement the same files verify")
                .isTrue();
    }

    /**
     * A loopback port nothing listens on: connecting is refused at once. (A JDK {@code HttpServer} created and stopped
     * without being started keeps its socket listening, so a request to it hung until the 20 s client timeout.)
     */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A signing key of this test's own, as an operator's KHIEN_AUDIT_SIGNING_KEY file. */
    private void generateSigningKey() throws Exception {
        KeyPair k = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = dir.resolve("key.pem");
        Files.writeString(key, pem("PRIVATE KEY", k.getPrivate().getEncoded()));
        Files.writeString(Path.of(key + ".pub"), pem("PUBLIC KEY", k.getPublic().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
