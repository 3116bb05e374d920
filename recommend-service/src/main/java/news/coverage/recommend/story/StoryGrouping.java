package news.coverage.recommend.story;

import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.related.ArticleIndex;
import news.coverage.recommend.related.ArticleIndex.Hit;
import news.coverage.recommend.related.ArticleIndex.Published;
import news.coverage.recommend.related.ArticleSummary;
import news.coverage.recommend.related.ArticleVectors;
import news.coverage.recommend.related.RankingConfig;
import news.coverage.recommend.related.RelatedQuery;
import news.coverage.recommend.related.RelatedRanker;
import news.coverage.recommend.text.ReferenceStatistics;
import news.coverage.recommend.text.TextSimilarity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts articles into stories ({@link StoryAssignment}) so that the stories depend on the articles alone, not on the
 * order in which they arrived: each article is judged, in the order of publication (then id), against the articles
 * published before it and the stories those are in, by statistics that do not move ({@link ReferenceStatistics}).
 * An article that arrives late, changes or goes may change the stories of the articles published after it, so those
 * are judged again, in order, as far as a change can reach (a story window past the last article whose story
 * changed).
 */
@ApplicationScoped
public class StoryGrouping {

    private final ArticleIndex index;
    private final RelatedRanker ranker;
    private final ReferenceStatistics reference;
    private final TextSimilarity similarity;
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
        this.reference = ReferenceStatistics.load(config.reference());
        this.similarity = new TextSimilarity(reference, ranking.commonTermShare());
    }

    /**
     * What a batch does to the stories.
     *
     * @param arriving the arriving articles, each in its story, in the order of publication
     * @param moved    articles the index holds whose story changed, each in its new story
     */
    public record Grouped(List<ArticleSummary> arriving, List<ArticleSummary> moved) {
    }

    /** The stories of the arriving articles (new ones and new versions) and of those the batch's changes move. */
    public Grouped assign(Collection<ArticleSummary> arriving, Collection<String> deleted) {
        List<ArticleSummary> ordered = new ArrayList<>(arriving);
        ordered.sort(Published.ORDER);
        // the index's versions of these are gone once the batch is applied
        Set<String> replaced = new HashSet<>(deleted);
        ordered.forEach(article -> replaced.add(article.id()));
        // the searches leave out the index's versions of these (a new article is not there to leave out), and the
        // places they leave are changes too
        Set<String> replacedHeld = new HashSet<>();
        List<Instant> left = new ArrayList<>();
        for (String id : replaced) {
            ArticleSummary held = index.get(id);
            if (held != null) {
                replacedHeld.add(id);
                left.add(held.publishedAt());
            }
        }
        return walk(new Pass(ordered, replaced, replacedHeld), left);
    }

    /**
     * What changes the index took from elsewhere (another instance's writes, judged without what this one held) do
     * to the stories: the articles it holds from these places on are judged again, as far as a change can reach.
     *
     * @param places where articles arrived, changed or went, by their time of publication (before and after)
     * @return the articles whose story changed, each in its new story (none arriving)
     */
    public Grouped regroup(Collection<Instant> places) {
        return walk(new Pass(List.of(), Set.of(), Set.of()), new ArrayList<>(places));
    }

    /**
     * Walks in publication order through the pass's arriving articles, the places where articles left or changed,
     * and the held articles a change before them may reach (a window after it), judging each.
     */
    private Grouped walk(Pass pass, List<Instant> left) {
        List<ArticleSummary> ordered = pass.batch;
        left.sort(Comparator.naturalOrder());
        if (ordered.isEmpty() && left.isEmpty()) {
            return new Grouped(List.of(), List.of());
        }
        // the arriving articles' own searches do not depend on the pass: side by side
        List<Search> arrivingSearches = ordered.parallelStream().map(pass::search).toList();
        Instant reach = null;
        Iterator<ArticleSummary> held = null;
        ArticleSummary next = null;
        int nextArriving = 0, nextLeft = 0;
        while (true) {
            if (next != null && next.publishedAt().isAfter(reach)) {
                held = null;
                next = null;
            }
            ArticleSummary article = nextArriving < ordered.size() ? ordered.get(nextArriving) : null;
            Instant place = nextLeft < left.size() ? left.get(nextLeft) : null;
            if (place != null && (article == null || !place.isAfter(article.publishedAt()))
                    && (next == null || !place.isAfter(next.publishedAt()))) {
                nextLeft++;
                reach = later(reach, place.plus(assignment.window()));
                if (held == null) {
                    held = index.publishedAfter(new Published(place, "")).iterator();
                    next = nextHeld(held, pass.replaced);
                }
            } else if (article != null && (next == null || Published.ORDER.compare(article, next) < 0)) {
                pass.judge(arrivingSearches.get(nextArriving), true);
                nextArriving++;
                reach = later(reach, article.publishedAt().plus(assignment.window()));
                if (held == null) {
                    held = index.publishedAfter(Published.of(article)).iterator();
                    next = nextHeld(held, pass.replaced);
                }
            } else if (next != null) {
                if (pass.judge(pass.search(next), false)) {
                    reach = later(reach, next.publishedAt().plus(assignment.window()));
                }
                next = nextHeld(held, pass.replaced);
            } else {
                break;
            }
        }
        return new Grouped(pass.arriving, pass.moved);
    }

    private static ArticleSummary nextHeld(Iterator<ArticleSummary> held, Set<String> replaced) {
        while (held.hasNext()) {
            ArticleSummary article = held.next();
            if (!replaced.contains(article.id())) {
                return article;
            }
        }
        return null;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** An article's story search: its query, the retrieval weights of its terms and what the index found. */
    private record Search(ArticleSummary article, RelatedQuery query, Map<String, Double> weights,
            List<Hit> indexHits) {
    }

    /** One batch's judgement of articles in publication order, and the stories as it leaves them so far. */
    private final class Pass {

        private final List<ArticleSummary> batch;
        private final Set<String> replaced;
        private final Set<String> replacedHeld;
        /** The stories judged in this pass, by article id, and the articles judged into each story. */
        private final Map<String, String> storyOf = new HashMap<>();
        private final Map<String, List<ArticleSummary>> judgedInto = new HashMap<>();
        private final List<ArticleSummary> arriving = new ArrayList<>();
        private final List<ArticleSummary> moved = new ArrayList<>();
        /** The vectors of the articles judged with, once each: a story's members are read by every judgement. */
        private final Map<ArticleSummary, ArticleVectors> vectors = new IdentityHashMap<>();

        Pass(List<ArticleSummary> batch, Set<String> replaced, Set<String> replacedHeld) {
            this.batch = batch;
            this.replaced = replaced;
            this.replacedHeld = replacedHeld;
        }

        private RelatedQuery query(ArticleSummary article) {
            return RelatedQuery.of(article, new RelatedQuery.Options(candidates, assignment.window(),
                    RelatedQuery.ProviderFilter.ANY, Set.of()));
        }

        /**
         * The index's best hits among the articles of the window before the article, the batch's own left out: twice
         * as many as needed, so that scored again with the batch's own they still hold the best.
         */
        Search search(ArticleSummary article) {
            RelatedQuery query = query(article);
            Map<String, Double> weights = similarity.retrievalWeights(query.text());
            return new Search(article, query, weights, index.storyHits(query, weights,
                    article.publishedAt().minus(assignment.window()), article.publishedAt(), 2 * candidates,
                    replacedHeld));
        }

        /**
         * Judges the article's story against the articles published before it; answers whether it changed (for an
         * article the index holds).
         */
        boolean judge(Search search, boolean arrives) {
            ArticleSummary article = search.article();
            RelatedQuery query = search.query();
            Set<String> storyIds = new LinkedHashSet<>();
            for (ArticleSummary earlier : nearest(search)) {
                String story = story(earlier);
                if (story != null) { // a row written before stories were kept
                    storyIds.add(story);
                }
            }
            Map<String, List<ArticleSummary>> stories = new HashMap<>();
            for (String storyId : storyIds) {
                stories.put(storyId, membersBefore(storyId, article));
            }
            ArticleVectors articleVectors = vectors(article);
            String story = assignment.choose(article, stories, member -> ranker.sameStoryProbability(query,
                    articleVectors.candidate(member, vectors(member), withLinks && linked(article, member)),
                    reference::topicWeight));
            boolean changed = !story.equals(story(article));
            storyOf.put(article.id(), story);
            ArticleSummary grouped = article.inStory(story);
            judgedInto.computeIfAbsent(story, key -> new ArrayList<>()).add(grouped);
            if (arrives) {
                arriving.add(grouped);
            } else if (changed) {
                moved.add(grouped);
            }
            return changed;
        }

        /**
         * The {@code candidates} articles of the window before the article with the highest retrieval score, from the
         * index and the batch alike (ties by id), that share a topic with it.
         */
        private List<ArticleSummary> nearest(Search search) {
            ArticleSummary article = search.article();
            Map<String, Double> weights = search.weights();
            Map<String, ArticleSummary> byId = new HashMap<>();
            List<Hit> hits = new ArrayList<>();
            // scored by one sum for the index's and the batch's articles alike: whether an article was in the index or
            // in the batch when this one was judged must not change its rank
            for (Hit hit : search.indexHits()) {
                ArticleSummary found = index.get(hit.id());
                if (found != null && Published.ORDER.compare(found, article) < 0) {
                    byId.put(hit.id(), found);
                    hits.add(new Hit(hit.id(), ArticleIndex.score(weights, found)));
                }
            }
            Instant from = article.publishedAt().minus(assignment.window());
            for (ArticleSummary earlier : batch) {
                if (Published.ORDER.compare(earlier, article) >= 0) {
                    break;
                }
                // the window first: a batch spans more than a window, and a score costs a look-up per term
                if (earlier.publishedAt().isBefore(from)) {
                    continue;
                }
                float score = ArticleIndex.score(weights, earlier);
                if (score > 0 && search.query().sharesTopic(earlier)) {
                    byId.put(earlier.id(), earlier);
                    hits.add(new Hit(earlier.id(), score));
                }
            }
            hits.sort(Hit.BEST_FIRST);
            return hits.stream().limit(candidates).map(hit -> byId.get(hit.id())).toList();
        }

        private ArticleVectors vectors(ArticleSummary article) {
            return vectors.computeIfAbsent(article, judged -> ArticleVectors.of(judged, similarity, reference));
        }

        /** The article's story as this pass has it so far. */
        private String story(ArticleSummary article) {
            String judged = storyOf.get(article.id());
            return judged != null ? judged : article.storyId();
        }

        /**
         * The story's articles of the window before the article, as this pass has them so far: an article is judged
         * against what the story is at its time, and a change cannot reach further than a window.
         */
        private List<ArticleSummary> membersBefore(String storyId, ArticleSummary article) {
            Instant from = article.publishedAt().minus(assignment.window());
            List<ArticleSummary> members = new ArrayList<>();
            for (ArticleSummary member : index.story(storyId)) {
                if (!replaced.contains(member.id()) && !storyOf.containsKey(member.id())
                        && Published.ORDER.compare(member, article) < 0 && !member.publishedAt().isBefore(from)) {
                    members.add(member);
                }
            }
            for (ArticleSummary member : judgedInto.getOrDefault(storyId, List.of())) {
                if (!member.publishedAt().isBefore(from)) {
                    members.add(member);
                }
            }
            return members;
        }
    }

    private static boolean linked(ArticleSummary a, ArticleSummary b) {
        return a.linkedIds().contains(b.id()) || b.linkedIds().contains(a.id());
    }
}
