package news.coverage.recommend.story;

import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.related.ArticleIndex;
import news.coverage.recommend.related.ArticleSummary;
import news.coverage.recommend.related.Candidate;
import news.coverage.recommend.related.RankingConfig;
import news.coverage.recommend.related.RelatedQuery;
import news.coverage.recommend.related.RelatedRanker;
import news.coverage.recommend.text.TermCounts;
import news.coverage.recommend.text.TextSimilarity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts a batch of arriving articles into stories ({@link StoryAssignment}), in the order of their publication, each
 * seeing the stories of the index and those the batch's earlier articles joined or founded. The stories it may join
 * are those of the most text-similar articles of its window that share a topic with it.
 */
@ApplicationScoped
public class StoryGrouping {

    private final ArticleIndex index;
    private final RelatedRanker ranker;
    /** Whether an editorial link counts, as it does in answers. */
    private final boolean withLinks;
    private final StoryAssignment assignment;
    private final int candidates;

    public StoryGrouping(ArticleIndex index, RelatedRanker ranker, StoryConfig config, RankingConfig ranking) {
        this.index = index;
        this.withLinks = ranking.weights().editorial() != 0;
        this.ranker = ranker;
        this.assignment = new StoryAssignment(config);
        this.candidates = config.candidates();
    }

    /** The articles, each in its story, in the order of their publication. */
    public List<ArticleSummary> assign(Collection<ArticleSummary> arriving) {
        List<ArticleSummary> ordered = new ArrayList<>(arriving);
        ordered.sort(Comparator.comparing(ArticleSummary::publishedAt).thenComparing(ArticleSummary::id));
        Set<String> inBatch = new HashSet<>();
        ordered.forEach(article -> inBatch.add(article.id()));
        RelatedQuery.Options options = new RelatedQuery.Options(candidates, assignment.window(),
                RelatedQuery.ProviderFilter.ANY, Set.of());
        // judged with the batch counted: at a cold start the index alone would know few terms, none of them common
        TermCounts counts = index.similarity().counts().with(ordered.stream().map(ArticleSummary::text).toList(),
                ordered.stream().map(ArticleSummary::capitalisedTerms).toList());
        TextSimilarity similarity = index.similarity().over(counts);
        List<ArticleSummary> assigned = new ArrayList<>(ordered.size());
        Map<String, List<ArticleSummary>> joinedInBatch = new HashMap<>();
        List<RelatedQuery> queries = ordered.stream().map(article -> RelatedQuery.of(article, options)).toList();
        // the searches do not depend on the batch's own assignments: run side by side
        List<List<Candidate>> found = queries.parallelStream()
                .map(query -> index.candidates(query, candidates, false)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            ArticleSummary article = ordered.get(i);
            Set<String> storyIds = new LinkedHashSet<>();
            RelatedQuery query = queries.get(i);
            found.get(i).forEach(candidate -> {
                if (candidate.article().storyId() != null && !inBatch.contains(candidate.article().id())) {
                    storyIds.add(candidate.article().storyId());
                }
            });
            for (ArticleSummary earlier : assigned) {
                if (query.sharesTopic(earlier)) {
                    storyIds.add(earlier.storyId());
                }
            }
            Map<String, List<ArticleSummary>> stories = new HashMap<>();
            for (String storyId : storyIds) {
                List<ArticleSummary> members = new ArrayList<>();
                for (ArticleSummary member : index.story(storyId)) {
                    if (!inBatch.contains(member.id())) {
                        members.add(member);
                    }
                }
                members.addAll(joinedInBatch.getOrDefault(storyId, List.of()));
                stories.put(storyId, members);
            }
            double[] weights = similarity.weighted(article.text());
            ArticleSummary grouped = article.inStory(assignment.choose(article, stories, member -> {
                double text = TextSimilarity.cosine(article.text().terms(), weights, member.text().terms(),
                        similarity.weighted(member.text()));
                return ranker.sameStoryProbability(query, new Candidate(member, text,
                        withLinks && linked(article, member)), index.statistics()::topicWeight, counts);
            }));
            assigned.add(grouped);
            joinedInBatch.computeIfAbsent(grouped.storyId(), key -> new ArrayList<>()).add(grouped);
        }
        return assigned;
    }

    private static boolean linked(ArticleSummary a, ArticleSummary b) {
        return a.linkedIds().contains(b.id()) || b.linkedIds().contains(a.id());
    }
}
