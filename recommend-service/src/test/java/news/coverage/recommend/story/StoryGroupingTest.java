package news.coverage.recommend.story;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import news.coverage.recommend.related.ArticleIndex;
import news.coverage.recommend.related.ArticleSummary;
import news.coverage.recommend.related.RankingConfig;
import news.coverage.recommend.related.RelatedRanker;
import news.coverage.recommend.related.SameStoryConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static news.coverage.recommend.related.Summaries.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stories depend on the articles alone: whatever the order and the batches they arrive in. */
class StoryGroupingTest {

    private static final List<ArticleSummary> ARTICLES = List.of(
            summary("ibm1", "IBM exits facial recognition business", "2020-06-08T22:00:00Z", "verge.com", "AI"),
            summary("ibm2", "IBM gets out of facial recognition business", "2020-06-09T01:00:00Z", "cnet.com", "AI"),
            summary("ibm3", "IBM ends facial recognition business over bias", "2020-06-09T04:00:00Z", "zdnet.com",
                    "AI"),
            summary("ibm4", "IBM abandons facial recognition business", "2020-06-09T09:00:00Z", "wired.com", "AI"),
            summary("amz1", "Amazon pauses police use of Rekognition for a year", "2020-06-10T21:00:00Z",
                    "verge.com", "AI"),
            summary("amz2", "Amazon bans police use of Rekognition for one year", "2020-06-10T23:00:00Z",
                    "cnet.com", "AI"),
            summary("amz3", "Amazon puts one year pause on police use of Rekognition", "2020-06-11T02:00:00Z",
                    "zdnet.com", "AI"),
            summary("ms1", "Microsoft will not sell facial recognition to police", "2020-06-11T17:00:00Z",
                    "verge.com", "AI"),
            summary("ms2", "Microsoft refuses to sell facial recognition to police", "2020-06-11T19:00:00Z",
                    "cnet.com", "AI"),
            summary("gpt", "OpenAI releases a new language model", "2020-06-11T12:00:00Z", "wired.com", "AI"),
            summary("chip", "Nvidia unveils a new chip for data centers", "2020-06-09T15:00:00Z", "zdnet.com", "AI"));

    @Test
    void theStoriesOfAStreamInPublicationOrderAreTheExpectedOnes() {
        Set<Set<String>> stories = stories(stream(ARTICLES, 1));

        assertTrue(stories.contains(Set.of("ibm1", "ibm2", "ibm3", "ibm4")), stories.toString());
        assertTrue(stories.contains(Set.of("amz1", "amz2", "amz3")), stories.toString());
        assertTrue(stories.contains(Set.of("ms1", "ms2")), stories.toString());
        assertTrue(stories.contains(Set.of("gpt")) && stories.contains(Set.of("chip")), stories.toString());
    }

    @Test
    void anyOrderAndAnyBatchesEndWithTheSameStories() {
        Set<Set<String>> inOrder = stories(stream(ARTICLES, 1));
        List<ArticleSummary> reversed = new ArrayList<>(ARTICLES);
        Collections.reverse(reversed);
        assertEquals(inOrder, stories(stream(reversed, 1)), "newest first, one at a time");
        Random random = new Random(7);
        for (int run = 0; run < 12; run++) {
            List<ArticleSummary> shuffled = new ArrayList<>(ARTICLES);
            Collections.shuffle(shuffled, random);
            int batch = 1 + random.nextInt(4);
            assertEquals(inOrder, stories(stream(shuffled, batch)), "shuffled, in batches of " + batch);
        }
    }

    @Test
    void theStoriesDoNotDependOnWhatElseTheReadModelHolds() {
        Set<Set<String>> alone = stories(stream(ARTICLES, 1));
        Projected afterAYear = stream(List.of(), 1);
        for (int month = 12; month > 0; month--) {
            int monthsBefore = month;
            afterAYear.apply(ARTICLES.stream().map(article -> summary(article.id() + "-" + monthsBefore,
                    article.title(), article.publishedAt().minus(Duration.ofDays(30L * monthsBefore)).toString(),
                    article.providerDomain(), "AI")).toList(), List.of());
        }
        afterAYear.apply(ARTICLES, List.of());

        Set<Set<String>> stories = stories(afterAYear).stream().filter(story -> story.stream()
                .noneMatch(id -> id.contains("-"))).collect(Collectors.toSet());
        assertEquals(alone, stories, "the same articles after a year of earlier copies of them");
    }

    @Test
    void aDeletedOrChangedArticleLeavesTheStoriesOfAStreamThatNeverHadItsOldVersion() {
        List<ArticleSummary> withoutFounder = ARTICLES.stream().filter(article -> !article.id().equals("ibm1"))
                .toList();
        Set<Set<String>> expected = stories(stream(withoutFounder, 1));

        Projected projected = stream(ARTICLES, 3);
        projected.apply(List.of(), List.of("ibm1"));
        assertEquals(expected, stories(projected));

        // the first report of Amazon's pause, re-titled to another story: Amazon's story is made without it
        ArticleSummary changed = summary("amz1", "Nvidia unveils a new chip for data centers", "2020-06-10T21:00:00Z",
                "verge.com", "AI");
        List<ArticleSummary> changedStream = new ArrayList<>(withoutFounder);
        changedStream.replaceAll(article -> article.id().equals("amz1") ? changed : article);
        projected.apply(List.of(changed), List.of());
        assertEquals(stories(stream(changedStream, 1)), stories(projected));
    }

    @Test
    void twoInstancesThatJudgeAgainWhatTheOtherWroteEndWithTheStoriesOfOneAlone() {
        Set<Set<String>> alone = stories(stream(ARTICLES, 1));
        Random random = new Random(11);
        for (int run = 0; run < 12; run++) {
            List<ArticleSummary> shuffled = new ArrayList<>(ARTICLES);
            Collections.shuffle(shuffled, random);
            Projected first = stream(List.of(), 1), second = stream(List.of(), 1);
            // what each wrote and the other has not read yet
            Deque<List<ArticleSummary>> toFirst = new ArrayDeque<>(), toSecond = new ArrayDeque<>();
            for (int i = 0; i < shuffled.size(); i += 2) {
                // both project at once, each without what the other projects
                send(toSecond, first.apply(List.of(shuffled.get(i)), List.of()));
                if (i + 1 < shuffled.size()) {
                    send(toFirst, second.apply(List.of(shuffled.get(i + 1)), List.of()));
                }
                if (random.nextBoolean() && !toFirst.isEmpty()) {
                    send(toSecond, first.read(toFirst.poll()));
                }
                if (random.nextBoolean() && !toSecond.isEmpty()) {
                    send(toFirst, second.read(toSecond.poll()));
                }
            }
            for (int turn = 0; turn < 100 && !(toFirst.isEmpty() && toSecond.isEmpty()); turn++) {
                if (!toFirst.isEmpty()) {
                    send(toSecond, first.read(toFirst.poll()));
                }
                if (!toSecond.isEmpty()) {
                    send(toFirst, second.read(toSecond.poll()));
                }
            }

            assertTrue(toFirst.isEmpty() && toSecond.isEmpty(), "the two instances keep moving articles");
            assertEquals(storyOf(first), storyOf(second), "run " + run);
            assertEquals(alone, stories(first), "run " + run);
        }
    }

    /** An index and its stories, fed as the projection and the feed of other instances' writes feed them. */
    private record Projected(ArticleIndex index, StoryGrouping grouping) {

        /** Projects a batch: what it wrote. */
        List<ArticleSummary> apply(Collection<ArticleSummary> arriving, Collection<String> deleted) {
            StoryGrouping.Grouped grouped = grouping.assign(arriving, deleted);
            index.apply(grouped.arriving(), deleted, grouped.moved());
            List<ArticleSummary> written = new ArrayList<>(grouped.arriving());
            written.addAll(grouped.moved());
            return written;
        }

        /** Reads what another instance wrote and judges again what it may change: what it wrote then. */
        List<ArticleSummary> read(List<ArticleSummary> written) {
            List<Instant> places = new ArrayList<>();
            for (ArticleSummary article : written) {
                ArticleSummary held = index.get(article.id());
                if (held != null) {
                    places.add(held.publishedAt());
                }
                places.add(article.publishedAt());
            }
            index.apply(written, List.of());
            List<ArticleSummary> moved = grouping.regroup(places).moved();
            index.apply(List.of(), List.of(), moved);
            return moved;
        }
    }

    /** What an instance wrote, on its way to the other; nothing written, nothing announced. */
    private static void send(Deque<List<ArticleSummary>> to, List<ArticleSummary> written) {
        if (!written.isEmpty()) {
            to.add(written);
        }
    }

    private static Map<String, String> storyOf(Projected projected) {
        return projected.index().ids().stream().collect(Collectors.toMap(id -> id,
                id -> projected.index().get(id).storyId()));
    }

    /**
     * The articles streamed in batches into an empty index: ten articles, so that with statistics of the read model
     * each arrival would move every term's weight and the stories would depend on when an article was judged.
     */
    private static Projected stream(List<ArticleSummary> articles, int batch) {
        RankingConfig ranking = mapping(RankingConfig.class);
        ArticleIndex index = new ArticleIndex(ranking);
        Projected projected = new Projected(index, new StoryGrouping(index,
                new RelatedRanker(ranking, mapping(SameStoryConfig.class)), mapping(StoryConfig.class), ranking));
        for (int from = 0; from < articles.size(); from += batch) {
            projected.apply(articles.subList(from, Math.min(articles.size(), from + batch)), List.of());
        }
        return projected;
    }

    /** The stories as sets of article ids: their ids name a member, which may differ without the story differing. */
    private static Set<Set<String>> stories(Projected projected) {
        Map<String, Set<String>> byStory = projected.index().ids().stream()
                .map(projected.index()::get)
                .collect(Collectors.groupingBy(ArticleSummary::storyId,
                        Collectors.mapping(ArticleSummary::id, Collectors.toSet())));
        return Set.copyOf(byStory.values());
    }

    /** The service's configuration of the type, as application.properties and the defaults give it. */
    private static <T> T mapping(Class<T> type) {
        return CONFIG.getConfigMapping(type);
    }

    private static final SmallRyeConfig CONFIG = config();

    private static SmallRyeConfig config() {
        try {
            return new SmallRyeConfigBuilder().withMapping(RankingConfig.class).withMapping(SameStoryConfig.class)
                    .withMapping(StoryConfig.class)
                    .withSources(new PropertiesConfigSource(
                            StoryGroupingTest.class.getClassLoader().getResource("application.properties")))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
