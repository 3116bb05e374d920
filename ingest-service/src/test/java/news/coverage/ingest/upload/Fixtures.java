package news.coverage.ingest.upload;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import news.coverage.deploy.testing.JwtIssuer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.restassured.RestAssured.given;

/** Test documents from src/test/resources/items, and requests that carry a token. */
public final class Fixtures {

    static {
        // documents are UTF-8; REST Assured would otherwise encode text/* bodies as ISO-8859-1
        RestAssured.config = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .defaultContentCharset(StandardCharsets.UTF_8));
    }

    private Fixtures() {
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/items/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String token(String... roles) {
        return JwtIssuer.forTests().token("tester@news.coverage", Duration.ofHours(1), roles);
    }

    /** A request with a bearer token that has the ingest role. */
    static RequestSpecification asIngester() {
        return given().auth().oauth2(token("ingest"));
    }
}
