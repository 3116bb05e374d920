package news.coverage.system;

import io.restassured.RestAssured;
import news.coverage.deploy.run.CoverageServices;
import news.coverage.deploy.run.ServiceProcess;
import news.coverage.deploy.testing.SmartableItems;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The thinnest real slice of the flow, across three service processes, a real Kafka broker, the MongoDB wire-protocol
 * server and a real PostgreSQL: an item posted to ingest is cataloged, projected, and found as related coverage of a
 * second item.
 */
class CoverageFlowIT {

    private static final Path REPOSITORY = SystemUnderTest.REPOSITORY;
    private static final String FIRST = "2020-06-09-ibm-exits-facial-recognition-business.md";
    private static final String SECOND = "2020-06-09-ibm-announces-exit-of-facial-recognition-business.md";

    private static SystemUnderTest system;
    private static CoverageServices services;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        system = SystemUnderTest.start("coverage-flow");
        services = system.services();
        token = system.issuer().token("system-test", Duration.ofHours(1), "ingest");
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void itemPostedToIngestBecomesRelatedCoverageOfASecondItem() throws Exception {
        String first = postSample(FIRST);
        String second = postSample(SECOND);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url("catalog-service"))
                .get("/articles/" + first)
                .then().statusCode(200)
                .body("title", equalTo("IBM exits facial recognition business"))
                .body("provider.domain", equalTo("seekingalpha.com")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url("recommend-service"))
                .get("/related/" + second)
                .then().statusCode(200)
                .body("items.id", hasItem(first))
                // both report IBM's exit: in the box, with the probability that put it there
                .body("sameStory.id", hasItem(first))
                .body("sameStory.sameStoryProbability", everyItem(greaterThanOrEqualTo(0.6f))));
    }

    @Test
    void everyServiceReportsItsConnectionsUpAndServesItsOpenApiDocument() {
        for (ServiceProcess service : services.all()) {
            given().baseUri(service.url().toString()).get("/q/health")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.status", everyItem(equalTo("UP")));
            given().baseUri(service.url().toString()).queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200)
                    .body("$", hasKey("paths"));
        }
        given().baseUri(url("ingest-service")).get("/q/health/ready")
                .then().body("checks.name", hasItems("Kafka connection health check", "object store"));
        given().baseUri(url("catalog-service")).get("/q/health/ready")
                .then().body("checks.name", hasItems("Kafka connection health check", "MongoDB connection health check"));
        given().baseUri(url("recommend-service")).get("/q/health/ready")
                .then().body("checks.name", hasItems("Kafka connection health check",
                        "Reactive PostgreSQL connections health check"));
    }

    @Test
    void everySeedDocumentComesBackFromTheCatalogAsMarkdownEquivalentToTheUpload() throws Exception {
        Path seeds = REPOSITORY.resolve("../shared/data/smartable/seeds");
        List<Path> documents;
        try (var files = Files.list(seeds)) {
            // 004_*.txt is a plain-text article without metadata, not a Markdown item
            documents = files.filter(file -> !file.getFileName().toString().startsWith("004_")).sorted().toList();
        }
        assertEquals(4, documents.size(), "the seed documents at " + seeds);
        for (Path document : documents) {
            String upload = Files.readString(document);
            String id = post(upload);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(url("catalog-service"))
                    .accept("text/markdown").get("/articles/" + id).then().statusCode(200));
            String markdown = given().baseUri(url("catalog-service")).accept("text/markdown").get("/articles/" + id)
                    .then().extract().asString();
            assertEquals(List.of(), SmartableItems.differences(document.getFileName().toString(),
                    SmartableItems.read(upload), SmartableItems.read(markdown)));
        }
    }

    private static String postSample(String sample) throws Exception {
        return post(Files.readString(REPOSITORY.resolve("deploy/sample-data").resolve(sample)));
    }

    private static String post(String markdown) {
        return given().baseUri(url("ingest-service"))
                .auth().oauth2(token)
                .contentType("text/markdown")
                .body(markdown)
                .post("/items")
                .then().statusCode(202)
                .extract().path("id");
    }

    private static String url(String service) {
        return services.get(service).url().toString();
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // documents are UTF-8; REST Assured would otherwise encode text/* bodies as ISO-8859-1
        RestAssured.config = RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                .defaultContentCharset(java.nio.charset.StandardCharsets.UTF_8));
    }
}
