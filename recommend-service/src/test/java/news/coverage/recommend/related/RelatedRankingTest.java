package news.coverage.recommend.related;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import news.coverage.deploy.testing.KafkaTestResource;
import news.coverage.deploy.testing.PostgresTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static news.coverage.recommend.related.CatalogedItems.newId;
import static news.coverage.recommend.related.CatalogedItems.word;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

/** Each signal moves the ranking in the stated direction, other things equal; filters, diversity cap, drafts. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class RelatedRankingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    CatalogedItems items;
    /** Words of this test's story; each test has its own. */
    String a, b, c;

    @BeforeEach
    void background() {
        items = new CatalogedItems(bootstrapServers);
        a = word();
        b = word();
        c = word();
        // articles far away in time: they count in the statistics (terms on most articles are ignored) but are
        // never candidates
        for (int i = 0; i < 8; i++) {
            items.item(newId()).title(word() + " " + word()).published("2001-01-01T00:00:00Z").send();
        }
    }

    @Test
    void moreSharedDistinctiveTermsRankHigher() {
        String story = items.item(newId()).title(a + " " + b + " " + c).send();
        String weak = items.item(newId()).title(a + " unrelated words").send();
        String strong = items.item(newId()).title(a + " " + b + " " + c + " again").send();
        awaitRelated(story, "", response -> response.body("items.id", contains(strong, weak))
                .body("items[0].reasons.textSimilarity", greaterThan(0.5f))
                .body("items[1].reasons.textSimilarity", lessThan(0.5f)));
    }

    @Test
    void closerInTimeRanksHigherAndTheWindowBounds() {
        String story = items.item(newId()).title(a + " " + b).published("2020-06-10T12:00:00Z").send();
        String later = items.item(newId()).title(a + " " + b).published("2020-06-14T12:00:00Z").send();
        String sooner = items.item(newId()).title(a + " " + b).published("2020-06-10T13:00:00Z").send();
        String outside = items.item(newId()).title(a + " " + b).published("2020-06-30T12:00:00Z").send();
        awaitRelated(story, "", response -> response.body("items.id", contains(sooner, later))
                .body("items[0].reasons.hoursApart", equalTo(1.0f)));
        awaitRelated(story, "?window=P30D", response -> response.body("items.id", contains(sooner, later, outside)));
        awaitRelated(story, "?window=PT2H", response -> response.body("items.id", contains(sooner)));
    }

    @Test
    void sharingARareTopicCountsMoreThanSharingAnEverydayOne() {
        String rare = "Topic " + word();
        String story = items.item(newId()).title(a + " " + b).topics("AI", rare).send();
        String everyday = items.item(newId()).title(a + " " + b).topics("AI").send();
        String sameTopics = items.item(newId()).title(a + " " + b).topics("AI", rare).send();
        String noTopicShared = items.item(newId()).title(a + " " + b).topics("Gardening " + word()).send();
        awaitRelated(story, "", response -> response.body("items.id", contains(sameTopics, everyday))
                .body("items[0].reasons.sharedTopics.topic", contains("AI", rare))
                .body("items[0].reasons.sharedTopics[1].weight", greaterThan(
                        response.extract().<Float>path("items[0].reasons.sharedTopics[0].weight"))));
        given().get("/related/" + story).then().body("items.id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(noTopicShared)));
    }

    @Test
    void higherQualityRanksHigher() {
        String story = items.item(newId()).title(a + " " + b).send();
        String low = items.item(newId()).title(a + " " + b).quality(5).send();
        String high = items.item(newId()).title(a + " " + b).quality(95).send();
        awaitRelated(story, "", response -> response.body("items.id", contains(high, low)));
    }

    @Test
    void otherOutletsRankAboveTheSameOneAndTheProvidersFilterChooses() {
        String story = items.item(newId()).title(a + " " + b).provider("daily.example").send();
        String same = items.item(newId()).title(a + " " + b).provider("daily.example").send();
        String other = items.item(newId()).title(a + " " + b).provider("weekly.example").send();
        awaitRelated(story, "", response -> response.body("items.id", contains(other, same))
                .body("items[1].reasons.sameProvider", equalTo(true)));
        given().get("/related/" + story + "?providers=same").then().body("items.id", contains(same));
        given().get("/related/" + story + "?providers=other").then().body("items.id", contains(other));
        given().get("/related/" + story + "?exclude=" + other).then().body("items.id", contains(same));
    }

    @Test
    void anEditorialLinkInEitherDirectionRanksHigher() {
        String listed = newId(), lister = newId();
        String story = items.item(newId()).title(a + " " + b + " " + c).related(listed).send();
        String plain = items.item(newId()).title(a + " " + b + " " + c).send();
        items.item(listed).title(a + " " + b).send();
        items.item(lister).title(a + " " + b).related(story).send();
        awaitRelated(story, "", response -> response.body("items", hasSize(3))
                .body("items[2].id", equalTo(plain))
                .body("items[0].reasons.editorialLink", equalTo(true))
                .body("items[1].reasons.editorialLink", equalTo(true))
                .body("items[2].reasons.editorialLink", equalTo(false)));
    }

    @Test
    void noProviderHasMoreThanThreeItemsInTheBox() {
        String story = items.item(newId()).title(a + " " + b).provider("story.example").send();
        for (int i = 0; i < 5; i++) {
            items.item(newId()).title(a + " " + b).provider("busy.example").send();
        }
        String quiet = items.item(newId()).title(a + " " + b).provider("quiet.example").quality(1).send();
        awaitRelated(story, "", response -> response.body("items", hasSize(4))
                .body("items.provider.domain.findAll { it == 'busy.example' }", hasSize(3))
                .body("items[3].id", equalTo(quiet)));
        given().get("/related/" + story + "?limit=2").then().body("items", hasSize(2));
    }

    /**
     * 32 equal reports from 32 outlets: the story keeps 30 of them and misses the rest and a weaker one. Excluding 25
     * leaves 5 of its kept neighbours for a box of 10, so the answer is searched in full and finds the others.
     */
    @Test
    void anAnswerTheKeptNeighboursCannotFillIsSearchedInFull() {
        // so many articles far away that the story's 34 stay under the common-term share
        for (int i = 0; i < 60; i++) {
            items.item(newId()).title(word() + " " + word()).published("2001-01-01T00:00:00Z").send();
        }
        String story = items.item(newId()).title(a + " " + b + " " + c).provider("story.example").send();
        List<String> equals = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            equals.add(items.item(newId()).title(a + " " + b + " " + c).provider("outlet" + i + ".example").send());
        }
        String weaker = items.item(newId()).title(a + " other words").provider("quiet.example").send();
        awaitRelated(story, "", response -> response.body("items", hasSize(10)));
        awaitRelated(story, "?exclude=" + String.join(",", equals.subList(0, 25)), response -> response
                .body("items.id", containsInAnyOrder(Stream.concat(equals.subList(25, 32).stream(), Stream.of(weaker))
                        .toArray()))
                .body("items[7].id", equalTo(weaker)));
    }

    @Test
    void aDraftIsAnsweredLikeAnArticle() {
        String close = items.item(newId()).title(a + " " + b + " " + c).provider("close.example").send();
        String far = items.item(newId()).title(a + " elsewhere").provider("far.example").send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("title", a + " " + b).queryParam("text", c)
                .queryParam("topics", "AI").queryParam("at", "2020-06-10T12:00:00Z")
                .get("/related")
                .then().statusCode(200)
                .body("articleId", equalTo(null))
                .body("items.id", contains(close, far)));
        given().queryParam("title", a).queryParam("provider", "close.example").queryParam("providers", "other")
                .queryParam("at", "2020-06-10T12:00:00Z").get("/related")
                .then().statusCode(200).body("items.id", contains(far));
    }

    @Test
    void malformedQueriesAreProblem400sAndUnknownIdsProblem404s() {
        given().get("/related/nope").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("limit", 0).get("/related/nope").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("window", "a week").get("/related/nope").then().statusCode(400)
                .body("detail", containsString("ISO-8601"));
        given().queryParam("providers", "mine").get("/related/nope").then().statusCode(400)
                .body("detail", containsString("any, same or other"));
        given().get("/related").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("title or a text"));
        given().queryParam("title", "x").queryParam("at", "yesterday").get("/related").then().statusCode(400)
                .body("detail", containsString("ISO-8601 instant"));
        given().queryParam("title", "x").queryParam("providers", "same").get("/related").then().statusCode(400)
                .body("detail", containsString("provider"));
    }

    private static void awaitRelated(String id, String query, Consumer<ValidatableResponse> expectation) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expectation.accept(
                given().get("/related/" + id + query).then().statusCode(200)));
    }
}
