package news.coverage.deploy.testing;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs the bearer tokens of every test and tool: with the one committed test key pair ({@link #forTests()}, the
 * resources {@value #TEST_KEYS}{@code publicKey.pem} and {@code privateKey.pem}; the services' tests verify with
 * that public key), or with a key pair of the local run's own ({@link #in(Path)}), so that no token of the
 * published test key is taken by it. A service is given the public key with {@link #serviceEnvironment()}.
 */
public final class JwtIssuer {

    public static final String ISSUER = "urn:news-coverage";
    /** Where the committed test key pair is on the class path. */
    public static final String TEST_KEYS = "news/coverage/deploy/testing/jwt/";

    private final String publicKey;
    private final PrivateKey privateKey;

    private JwtIssuer(String publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** The committed test key pair: for tests only, since its private key is public. */
    public static JwtIssuer forTests() {
        return TestKeyPair.SIGNER;
    }

    /** Read once, when a test first asks for it. */
    private static final class TestKeyPair {

        static final JwtIssuer SIGNER = read();

        private static JwtIssuer read() {
            try {
                return new JwtIssuer(resource("publicKey.pem"), privateKey(resource("privateKey.pem")));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the test key pair under " + TEST_KEYS, e);
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream pem = JwtIssuer.class.getClassLoader().getResourceAsStream(TEST_KEYS + name)) {
            if (pem == null) {
                throw new IOException("no " + TEST_KEYS + name + " on the class path");
            }
            return new String(pem.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** The key pair kept in {@code directory}, made there on first use; the private key is mode 600. */
    public static JwtIssuer in(Path directory) throws IOException {
        Path publicKey = directory.resolve("publicKey.pem");
        Path privateKey = directory.resolve("privateKey.pem");
        try {
            if (!Files.exists(privateKey)) {
                Files.createDirectories(directory);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                // created readable by its owner alone, before the key is written into it
                Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            Files.setPosixFilePermissions(privateKey, OWNER_ONLY);
            return new JwtIssuer(Files.readString(publicKey), privateKey(Files.readString(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make or read the key pair in " + directory, e);
        }
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String encoded = pem.replaceAll("-----[A-Z ]+-----|\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    }

    /** A signed token for {@code subject} with the given roles (the {@code groups} claim). */
    public String token(String subject, Duration lifetime, String... roles) {
        return sign(claims(subject, lifetime, roles));
    }

    /** The claims of {@link #token}, for a caller that changes some before signing (tests of refused tokens). */
    public static JwtClaims claims(String subject, Duration lifetime, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.of(roles));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetime.toSeconds() / 60f);
        return claims;
    }

    /** The claims signed with this issuer's key (RS256). */
    public String sign(JwtClaims claims) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(privateKey);
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        signature.setHeader("typ", "JWT");
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** What the services need to verify the tokens: the public key itself (PEM) and the issuer. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY", publicKey, "MP_JWT_VERIFY_ISSUER", ISSUER);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
