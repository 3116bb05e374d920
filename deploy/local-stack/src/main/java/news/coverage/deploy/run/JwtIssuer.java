package news.coverage.deploy.run;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
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
 * A key pair of the local run and the system test, and the bearer tokens signed with it. The services verify
 * tokens with the public key, whose file they are given as {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}.
 */
public final class JwtIssuer {

    public static final String ISSUER = "urn:news-coverage";

    private final Path publicKey;
    private final PrivateKey privateKey;

    private JwtIssuer(Path publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
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
            String encoded = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----|\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
            return new JwtIssuer(publicKey, key);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make or read the key pair in " + directory, e);
        }
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

    /** What the services need to verify the tokens. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString(),
                "MP_JWT_VERIFY_ISSUER", ISSUER);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
