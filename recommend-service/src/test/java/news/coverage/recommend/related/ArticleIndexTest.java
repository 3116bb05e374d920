package news.coverage.recommend.related;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static news.coverage.recommend.related.Summaries.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleIndexTest {

    private static final RelatedQuery.Options WEEK = new RelatedQuery.Options(10, Duration.ofDays(7),
            RelatedQuery.ProviderFilter.ANY, Set.of());

    private final ArticleIndex index = new ArticleIndex(0.5);

    @BeforeEach
    void background() {
        List<ArticleSummary> filler = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            filler.add(summary("f" + i, "filler headline number " + i, "2020-06-10T00:00:00Z", "f.example", "AI"));
        }
        index.apply(filler, List.of());
    }

    private List<String> candidateIds(ArticleSummary query, boolean withLinks) {
        return index.candidates(RelatedQuery.of(query, WEEK), 10, withLinks).stream()
                .map(candidate -> candidate.article().id()).toList();
    }

    @Test
    void findsTheArticlesOfTheWindowSharingDistinctiveTermsAndATopicBestFirst() {
        ArticleSummary query = summary("q", "IBM exits facial recognition", "2020-06-10T12:00:00Z", "a.example", "AI");
        index.apply(List.of(query,
                summary("close", "IBM exits facial recognition business", "2020-06-11T12:00:00Z", "b.example", "AI"),
                summary("weak", "facial expressions of cats", "2020-06-11T12:00:00Z", "b.example", "AI"),
                summary("late", "IBM exits facial recognition", "2020-07-10T12:00:00Z", "b.example", "AI"),
                summary("offTopic", "IBM exits facial recognition", "2020-06-10T12:00:00Z", "b.example", "Cats")),
                List.of());

        assertEquals(List.of("close", "weak"), candidateIds(query, false));
        var candidates = index.candidates(RelatedQuery.of(query, WEEK), 10, false);
        assertTrue(candidates.get(0).textSimilarity() > 0.5 && candidates.get(1).textSimilarity() < 0.5);
    }

    @Test
    void editorialLinksCountInEitherDirectionWhenAskedFor() {
        ArticleSummary query = summary("q", "IBM exits facial recognition", "2020-06-10T12:00:00Z", "a.example", "AI");
        ArticleSummary lister = withLinks(summary("lister", "nothing alike", "2020-06-10T12:00:00Z", "b.example", "AI"),
                "q");
        index.apply(List.of(query, lister), List.of());
        ArticleSummary linking = withLinks(query, "listed");
        index.apply(List.of(linking, summary("listed", "nothing shared", "2020-06-10T12:00:00Z", "c.example", "AI")),
                List.of());

        assertEquals(Set.of("lister", "listed"), Set.copyOf(candidateIds(index.get("q"), true)));
        assertEquals(List.of(), candidateIds(index.get("q"), false));
        assertTrue(index.candidates(RelatedQuery.of(index.get("q"), WEEK), 10, true).stream()
                .allMatch(Candidate::linked));
    }

    @Test
    void aRemovedOrReplacedArticleIsNoLongerFoundAndNoLongerCounted() {
        ArticleSummary query = summary("q", "IBM exits facial recognition", "2020-06-10T12:00:00Z", "a.example", "AI");
        index.apply(List.of(query, summary("other", "IBM exits facial recognition", "2020-06-10T12:00:00Z",
                "b.example", "AI")), List.of());
        assertEquals(2, index.statistics().articlesWithTerm("ibm"));

        index.apply(List.of(summary("other", "gardening tips", "2020-06-10T12:00:00Z", "b.example", "AI")),
                List.of());
        assertEquals(List.of(), candidateIds(query, false));
        assertEquals(1, index.statistics().articlesWithTerm("ibm"));

        index.apply(List.of(), List.of("other"));
        assertEquals(null, index.get("other"));
        assertEquals(21, index.statistics().articles());
    }

    @Test
    void tiesAtTheCutAreBrokenByIdWhateverTheOrderOfArrival() {
        List<ArticleSummary> tied = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tied.add(summary("t" + (char) ('a' + i), "rekognition item " + i, "2020-06-10T12:00:00Z", "b.example",
                    "AI"));
        }
        List<ArticleSummary> others = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            others.add(summary("o" + i, "other words " + i, "2020-06-10T12:00:00Z", "c.example", "AI"));
        }
        ArticleIndex forwards = new ArticleIndex(0.5);
        ArticleIndex backwards = new ArticleIndex(0.5);
        forwards.apply(others, List.of());
        backwards.apply(others, List.of());
        forwards.apply(tied, List.of());
        for (int i = tied.size() - 1; i >= 0; i--) {
            backwards.apply(List.of(tied.get(i)), List.of());
        }
        ArticleSummary query = summary("q", "rekognition", "2020-06-10T12:00:00Z", "a.example", "AI");
        for (int count : List.of(5, 14, 29)) {
            var fromForwards = forwards.candidates(RelatedQuery.of(query, WEEK), count, false).stream()
                    .map(candidate -> candidate.article().id()).sorted().toList();
            var fromBackwards = backwards.candidates(RelatedQuery.of(query, WEEK), count, false).stream()
                    .map(candidate -> candidate.article().id()).sorted().toList();
            assertEquals(tied.stream().map(ArticleSummary::id).sorted().limit(count).toList(), fromForwards);
            assertEquals(fromForwards, fromBackwards);
        }
    }

    @Test
    void answersBatchByBatchAsAnIndexBuiltAtOnceDoes() {
        String[] subjects = {"IBM exits facial recognition", "Amazon pauses police use of Rekognition",
                "Microsoft refuses to sell facial recognition", "Clearview faces a senator's letter"};
        List<ArticleSummary> articles = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            articles.add(summary("a" + i, subjects[i % subjects.length] + " report " + i % 7,
                    "2020-06-%02dT%02d:00:00Z".formatted(1 + i % 20, i % 24), "p" + i % 5 + ".example", "AI"));
        }
        ArticleIndex atOnce = new ArticleIndex(0.5);
        atOnce.apply(articles, List.of());
        ArticleIndex byBatch = new ArticleIndex(0.5);
        for (int from = 0; from < articles.size(); from += 10) {
            byBatch.apply(articles.subList(from, from + 10), List.of());
            // asked between batches, so that what it keeps of the statistics before a batch is there after it
            articles.subList(0, from + 10).forEach(article -> byBatch.candidates(RelatedQuery.of(article, WEEK), 10,
                    false));
        }

        for (ArticleSummary article : articles) {
            assertEquals(scored(atOnce, article), scored(byBatch, article));
        }
    }

    /** The candidates of the article, each as its id and text similarity, by id (the ranker orders them). */
    private static List<String> scored(ArticleIndex index, ArticleSummary article) {
        return index.candidates(RelatedQuery.of(article, WEEK), 10, false).stream()
                .map(candidate -> candidate.article().id() + " " + candidate.textSimilarity()).sorted().toList();
    }

    @Test
    void holdsTheMembersOfEachStory() {
        index.apply(List.of(summary("a", "one", "2020-06-10T12:00:00Z", "a.example").inStory("s"),
                summary("b", "two", "2020-06-10T12:00:00Z", "b.example").inStory("s")), List.of());
        index.apply(List.of(summary("b", "two", "2020-06-10T12:00:00Z", "b.example").inStory("t")), List.of("a"));

        assertEquals(List.of(), index.story("s"));
        assertEquals(List.of("b"), index.story("t").stream().map(ArticleSummary::id).toList());
    }

    @Test
    void aMoveTakesOnlyTheStoryOfTheVersionJudged() {
        ArticleSummary judged = summary("a", "one", "2020-06-10T12:00:00Z", "a.example").inStory("s");
        index.apply(List.of(judged), List.of());
        // a newer version, read from another instance's write while this one judged the older
        ArticleSummary newer = summary("a", "one, updated", "2020-06-11T12:00:00Z", "a.example").inStory("s");
        index.apply(List.of(newer), List.of());

        index.apply(List.of(), List.of(), List.of(judged.inStory("t")));

        assertEquals("one, updated", index.get("a").title());
        assertEquals("t", index.get("a").storyId());
        assertEquals(List.of("a"), index.story("t").stream().map(ArticleSummary::id).toList());
        assertEquals(List.of("one, updated"), index.publishedAfter(new ArticleIndex.Published(
                judged.publishedAt().minusSeconds(1), "")).stream().map(ArticleSummary::title).toList());
    }

    private static ArticleSummary withLinks(ArticleSummary article, String... linked) {
        return new ArticleSummary(article.id(), article.version(), article.title(), article.url(),
                article.providerName(), article.providerDomain(), article.publishedAt(), article.quality(),
                article.type(), article.imageUrl(), article.topics(), Set.of(linked), article.storyId(),
                article.text(), article.headline());
    }
}
