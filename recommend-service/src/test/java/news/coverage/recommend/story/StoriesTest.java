package news.coverage.recommend.story;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.coverage.deploy.testing.KafkaTestResource;
import news.coverage.deploy.testing.PostgresTestResource;
import news.coverage.recommend.related.CatalogedItems;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static news.coverage.recommend.related.CatalogedItems.newId;
import static news.coverage.recommend.related.CatalogedItems.word;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

/** Articles are grouped into stories as they arrive: reports of one event together, other events apart. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class StoriesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    CatalogedItems items;
    String event;

    @BeforeEach
    void words() {
        items = new CatalogedItems(bootstrapServers);
        event = word() + " " + word() + " " + word() + " " + word();
    }

    @Test
    void reportsOfOneEventShareAStoryHighestQualityFirst() {
        String first = items.item(newId()).title(event).quality(40).provider("one.example").send();
        String second = items.item(newId()).title(event + " today").quality(90).provider("two.example")
                .published("2020-06-10T20:00:00Z").send();
        String third = items.item(newId()).title("More on " + event).quality(60).provider("one.example")
                .published("2020-06-11T08:00:00Z").send();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("articleId", third)
                .get("/stories").then().statusCode(200)
                .body("articles.id", contains(second, third, first))
                .body("size", equalTo(3)).body("providers", equalTo(2))
                .body("firstPublished", equalTo("2020-06-10T12:00:00Z"))
                .body("lastPublished", equalTo("2020-06-11T08:00:00Z")));
        String story = given().queryParam("articleId", first).get("/stories").then().extract().path("id");
        given().get("/stories/" + story).then().statusCode(200).body("articles.id", contains(second, third, first));
        given().queryParam("limit", 1).get("/stories/" + story).then()
                .body("articles.id", contains(second)).body("size", equalTo(3));
    }

    @Test
    void otherEventsAndTheSameWordsDaysLaterAreStoriesOfTheirOwn() {
        String report = items.item(newId()).title(event).send();
        String sameDay = items.item(newId()).title(event).published("2020-06-10T18:00:00Z").send();
        String otherEvent = items.item(newId()).title(word() + " " + word()).send();
        String daysLater = items.item(newId()).title(event).published("2020-06-13T12:00:00Z").send();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().queryParam("articleId", report).get("/stories").then().body("articles.id", contains(report, sameDay));
            given().queryParam("articleId", otherEvent).get("/stories").then()
                    .body("articles.id", contains(otherEvent));
            given().queryParam("articleId", daysLater).get("/stories").then()
                    .body("articles.id", contains(daysLater));
        });
    }

    @Test
    void aNewVersionKeepsItsStoryAndADeletedArticleLeavesIt() {
        String report = items.item(newId()).title(event).send();
        String other = items.item(newId()).title(event).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("articleId", report)
                .get("/stories").then().body("size", equalTo(2)));
        String story = given().queryParam("articleId", report).get("/stories").then().extract().path("id");

        items.item(other).title(event + " updated").version("v2").send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/stories/" + story).then()
                .body("articles.title", containsInAnyOrder(event, event + " updated")));

        // the story is named after its first article: if that was the deleted one, the next one names it now
        items.delete(other);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("articleId", report)
                .get("/stories").then().body("articles.id", contains(report)).body("id", equalTo(report)));
        given().queryParam("articleId", other).get("/stories").then().statusCode(404);
        if (story.equals(other)) {
            given().get("/stories/" + story).then().statusCode(404);
        }
    }

    @Test
    void theLargestStoriesOfAPeriodCountTheirReportsOfThatPeriod() {
        String otherEvent = word() + " " + word() + " " + word() + " " + word();
        String largest = items.item(newId()).title(event).quality(80).provider("one.example")
                .published("2031-03-01T08:00:00Z").send();
        items.item(newId()).title(event + " today").quality(20).provider("two.example")
                .published("2031-03-01T10:00:00Z").send();
        items.item(newId()).title("More on " + event).quality(30).provider("three.example")
                .published("2031-03-01T12:00:00Z").send();
        String smaller = items.item(newId()).title(otherEvent).quality(50).provider("one.example")
                .published("2031-03-01T18:00:00Z").send();
        items.item(newId()).title(otherEvent + " tonight").quality(40).provider("two.example")
                .published("2031-03-01T20:00:00Z").send();
        String nextDay = items.item(newId()).title(otherEvent + " again").quality(10).provider("two.example")
                .published("2031-03-02T06:00:00Z").send();
        items.item(newId()).title(word() + " " + word()).published("2031-03-01T09:00:00Z").send();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("articleId", nextDay)
                .get("/stories").then().body("size", equalTo(3)));
        given().queryParam("from", "2031-03-01T00:00:00Z").queryParam("to", "2031-03-02T00:00:00Z")
                .queryParam("articles", 1).get("/stories/largest").then().statusCode(200)
                .body("size", contains(3, 2))
                .body("articles.id", contains(List.of(largest), List.of(smaller)))
                .body("[0].providers", equalTo(3))
                .body("[0].firstPublished", equalTo("2031-03-01T08:00:00Z"))
                .body("[0].lastPublished", equalTo("2031-03-01T12:00:00Z"));
        // the same size: the story reported last comes first
        given().queryParam("from", "2031-03-01T00:00:00Z").queryParam("to", "2031-03-03T00:00:00Z")
                .queryParam("limit", 1).get("/stories/largest").then().statusCode(200)
                .body("size", contains(3)).body("[0].articles[2].id", equalTo(nextDay));
        given().queryParam("limit", 101).get("/stories/largest").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void bothWaysToAStoryAreInTheOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/stories/{storyId}"))
                .body("paths.'/stories'.get.parameters.name", hasItems("articleId", "limit"));
    }

    @Test
    void unknownIdsAreProblem404sAndMalformedQueriesProblem400s() {
        String unknown = newId();
        given().get("/stories/" + unknown).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("articleId", unknown).get("/stories").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/stories").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("limit", 0).get("/stories/" + unknown).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
