package news.coverage.recommend.related;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.article.Article;
import news.coverage.recommend.story.StoryConfig;
import news.coverage.recommend.text.DocumentFrequencies;
import news.coverage.recommend.text.TermVector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each article's best-scored candidates, kept in the read model as articles arrive, so that an answer is a lookup of
 * its list (held in memory by {@link NeighbourListCache}) and a scoring of a few dozen articles, with the current
 * statistics, instead of a text search (see {@code V3__stored_neighbours.sql}).
 *
 * <p>When an article arrives, it is searched for like a query; it keeps its best {@code kept} candidates, and is
 * offered to each candidate's own list, which keeps it if it beats the last of that list's {@code kept}. A list also
 * keeps at most {@code per-provider} of one provider, more than an answer shows of one, so that a busy outlet does not
 * crowd the others out of it. So a list holds what a full search would have found, chosen with the statistics of the
 * time each pair was met; a list that ever missed or dropped an entry says so, and an answer it cannot fill is
 * searched in full.
 *
 * <p>Storing its list also groups the article into a story (see {@code V5__stories.sql}).
 */
@ApplicationScoped
public class NeighbourLists {

    private static final String UNLINK = """
            DELETE FROM related_neighbour
            WHERE article_seq = (SELECT seq FROM article WHERE id = $1)
               OR neighbour_seq = (SELECT seq FROM article WHERE id = $1)""";
    private static final String KEEP = """
            INSERT INTO related_neighbour (article_seq, neighbour_seq, score, linked, provider_domain)
            SELECT me.seq, a.seq, x.score, x.linked, a.provider_domain
            FROM unnest($2::text[], $3::real[], $4::boolean[]) AS x(id, score, linked)
            JOIN article a ON a.id = x.id, article me
            WHERE me.id = $1""";
    private static final String MARK = """
            UPDATE article
            SET neighbours_computed = true, neighbours_truncated = $2, neighbours_capped = $3, neighbours_floor = $4
            WHERE id = $1""";
    /**
     * Groups the article with its same-story candidates ($2): their stories and its own, if it has one, become one,
     * named as the largest of them was, so that the stories of most readers keep their id; with none, it founds a
     * story of its own. Only rows whose story changes are written. (An array, not {@code IN (subquery)}: with the
     * {@code OR}, PostgreSQL scanned every article for the latter, each arrival.)
     */
    private static final String GROUP = """
            WITH joined AS (
                SELECT a.story_id FROM unnest($2::text[]) AS x(id) JOIN article a ON a.id = x.id
                WHERE a.story_id IS NOT NULL
                UNION
                SELECT story_id FROM article WHERE id = $1 AND story_id IS NOT NULL
            ),
            chosen AS (
                SELECT coalesce((SELECT j.story_id FROM joined j
                                 ORDER BY (SELECT count(*) FROM article m WHERE m.story_id = j.story_id) DESC,
                                          j.story_id
                                 LIMIT 1), $1) AS story_id
            )
            UPDATE article a SET story_id = chosen.story_id
            FROM chosen
            WHERE (a.story_id = ANY (ARRAY(SELECT story_id FROM joined)) OR a.id = $1)
              AND a.story_id IS DISTINCT FROM chosen.story_id""";
    /**
     * Into the lists of the candidates whose floor it beats (any, while they have room) and which hold fewer of its
     * provider or a worse one. A list it does not get into has missed an entry, and says so. Answers the lists that
     * took it and are now over a bound or full, to be trimmed. $5: how many a list keeps, $6: of one provider. Only
     * flags that change are written: each written row is announced to every instance ({@code V4}).
     */
    private static final String OFFER = """
            WITH offer AS (
                SELECT a.seq, x.score, x.linked, x.score > a.neighbours_floor AS above_floor,
                       CASE WHEN x.score > a.neighbours_floor THEN
                           (SELECT n.score FROM related_neighbour n
                            WHERE n.article_seq = a.seq AND n.provider_domain = me.provider_domain
                            ORDER BY n.score DESC OFFSET $6 - 1 LIMIT 1)
                       END AS provider_floor,
                       CASE WHEN x.score > a.neighbours_floor THEN
                           (SELECT count(*) FROM related_neighbour n WHERE n.article_seq = a.seq)
                       END AS entries
                FROM unnest($2::text[], $3::real[], $4::boolean[]) AS x(id, score, linked)
                JOIN article a ON a.id = x.id AND a.neighbours_computed, article me
                WHERE me.id = $1 AND x.score > 0
            ),
            missed AS (
                UPDATE article a
                SET neighbours_truncated = a.neighbours_truncated OR NOT offer.above_floor,
                    neighbours_capped = a.neighbours_capped OR coalesce(offer.score <= offer.provider_floor, false)
                FROM offer
                WHERE a.seq = offer.seq
                  AND (NOT offer.above_floor AND NOT a.neighbours_truncated
                       OR offer.score <= offer.provider_floor AND NOT a.neighbours_capped)
            ),
            taken AS (
                INSERT INTO related_neighbour (article_seq, neighbour_seq, score, linked, provider_domain)
                SELECT offer.seq, me.seq, offer.score, offer.linked, me.provider_domain
                FROM offer, article me
                WHERE me.id = $1 AND offer.above_floor
                  AND (offer.provider_floor IS NULL OR offer.score > offer.provider_floor)
                RETURNING article_seq
            )
            SELECT offer.seq AS article_seq FROM offer JOIN taken ON taken.article_seq = offer.seq
            WHERE offer.entries + 1 >= $5 OR offer.provider_floor IS NOT NULL""";
    /**
     * Brings the lists that took an entry back to their bounds ($2 in all, $3 of one provider) and sets their floor:
     * the score of their last entry once they are full.
     */
    private static final String TRIM = """
            WITH ranked AS (
                SELECT article_seq, neighbour_seq, score,
                       row_number() OVER (PARTITION BY article_seq, provider_domain
                                          ORDER BY score DESC, neighbour_seq) AS in_provider
                FROM related_neighbour WHERE article_seq = ANY($1::bigint[])
            ),
            placed AS (
                SELECT article_seq, neighbour_seq, score,
                       row_number() OVER (PARTITION BY article_seq ORDER BY score DESC, neighbour_seq) AS place
                FROM ranked WHERE in_provider <= $3
            ),
            dropped AS (
                DELETE FROM related_neighbour n
                USING (SELECT article_seq, neighbour_seq, false AS for_count FROM ranked WHERE in_provider > $3
                       UNION ALL
                       SELECT article_seq, neighbour_seq, true FROM placed WHERE place > $2) d
                WHERE n.article_seq = d.article_seq AND n.neighbour_seq = d.neighbour_seq
                RETURNING n.article_seq, d.for_count
            ),
            lists AS (
                SELECT p.article_seq, coalesce(max(p.score) FILTER (WHERE p.place = $2), 0) AS floor,
                       coalesce(bool_or(d.for_count), false) AS for_count,
                       coalesce(bool_or(NOT d.for_count), false) AS for_provider
                FROM placed p LEFT JOIN (SELECT DISTINCT article_seq, for_count FROM dropped) d
                     ON d.article_seq = p.article_seq
                GROUP BY p.article_seq
            )
            UPDATE article a
            SET neighbours_floor = l.floor,
                neighbours_truncated = a.neighbours_truncated OR l.for_count,
                neighbours_capped = a.neighbours_capped OR l.for_provider
            FROM lists l WHERE a.seq = l.article_seq""";
    private final Pool database;
    private final CandidateSearch search;
    private final TopicWeights topicWeights;
    private final RelatedRanker ranker;
    private final RankingConfig config;
    private final StoryConfig stories;
    private final DocumentFrequencies frequencies;

    public NeighbourLists(Pool database, CandidateSearch search, TopicWeights topicWeights, RelatedRanker ranker,
            RankingConfig config, StoryConfig stories, DocumentFrequencies frequencies) {
        this.database = database;
        this.search = search;
        this.topicWeights = topicWeights;
        this.ranker = ranker;
        this.config = config;
        this.stories = stories;
        this.frequencies = frequencies;
    }

    /**
     * Stores the list of an article just projected and offers it to its candidates' lists, replacing whatever an
     * earlier version of it left. Runs after the article's own transaction; until then its answers are searched.
     */
    public Uni<Void> store(Article article) {
        int kept = config.neighbours().kept();
        int perProvider = config.neighbours().perProvider();
        RelatedQuery query = RelatedQuery.of(article, new RelatedQuery.Options(kept, config.neighbours().window(),
                RelatedQuery.ProviderFilter.ANY, Set.of()));
        return frequencies.refreshIfGrown().chain(() -> Uni.combine().all()
                .unis(search.candidates(query, config.weights().editorial() != 0), topicWeights.all()).asTuple())
                .chain(found -> {
                    Map<String, Double> weights = found.getItem2();
                    List<Pair> own = new ArrayList<>();
                    List<Pair> offers = new ArrayList<>();
                    ArticleSummary arrived = ArticleSummary.of(article);
                    for (Candidate candidate : found.getItem1()) {
                        ArticleSummary other = candidate.article();
                        own.add(new Pair(candidate, ranker.score(query, candidate, weights).score()));
                        RelatedQuery theirs = new RelatedQuery(other.id(), other.headline(), TermVector.EMPTY,
                                Set.copyOf(other.topics()), other.providerDomain(), other.publishedAt(), Set.of(),
                                query.options());
                        offers.add(new Pair(candidate, ranker.score(theirs,
                                new Candidate(arrived, candidate.textSimilarity(), candidate.linked()), weights).score()));
                    }
                    own.removeIf(pair -> pair.score() <= 0);
                    own.sort(Comparator.comparingDouble(Pair::score).reversed()
                            .thenComparing(pair -> pair.candidate().article().id()));
                    List<Pair> chosen = new ArrayList<>(kept);
                    Map<String, Integer> ofProvider = new HashMap<>();
                    boolean truncated = false, capped = false;
                    for (Pair pair : own) {
                        if (ofProvider.merge(pair.candidate().article().providerDomain(), 1, Integer::sum) > perProvider) {
                            capped = true;
                        } else if (chosen.size() == kept) {
                            truncated = true;
                        } else {
                            chosen.add(pair);
                        }
                    }
                    float floor = chosen.size() == kept ? (float) chosen.get(kept - 1).score() : 0;
                    Tuple mark = Tuple.of(article.id, truncated, capped, floor);
                    Tuple group = Tuple.of(article.id).addArrayOfString(sameStory(arrived, found.getItem1()));
                    return database.withTransaction(connection -> connection.preparedQuery(UNLINK)
                            .execute(Tuple.of(article.id))
                            .chain(() -> connection.preparedQuery(KEEP).execute(pairs(article.id, chosen)))
                            .chain(() -> connection.preparedQuery(MARK).execute(mark))
                            .chain(() -> connection.preparedQuery(GROUP).execute(group))
                            .chain(() -> connection.preparedQuery(OFFER)
                                    .execute(pairs(article.id, offers).addInteger(kept).addInteger(perProvider)))
                            .chain(offered -> trim(connection, offered, kept, perProvider)));
                });
    }

    /** The candidates that report the same event as the article. */
    private String[] sameStory(ArticleSummary article, List<Candidate> candidates) {
        return candidates.stream()
                .filter(candidate -> candidate.textSimilarity() >= stories.similarity()
                        && Duration.between(article.publishedAt(), candidate.article().publishedAt()).abs()
                                .compareTo(stories.window()) <= 0)
                .map(candidate -> candidate.article().id())
                .toArray(String[]::new);
    }

    /** A candidate and its score from one side of the pair. */
    private record Pair(Candidate candidate, double score) {
    }

    /**
     * Cuts the lists that took the article back to {@code perProvider} entries of one provider and {@code kept} in
     * all, marking those that dropped one, and sets their floor.
     */
    private static Uni<Void> trim(SqlConnection connection, RowSet<Row> offered, int kept, int perProvider) {
        if (offered.size() == 0) {
            return Uni.createFrom().voidItem();
        }
        Long[] lists = new Long[offered.size()];
        int i = 0;
        for (Row row : offered) {
            lists[i++] = row.getLong("article_seq");
        }
        return connection.preparedQuery(TRIM).execute(Tuple.of(lists, kept, perProvider)).replaceWithVoid();
    }

    /** The parameters of a pair insert: the article, then each pair's candidate id, score and link. */
    private static Tuple pairs(String articleId, List<Pair> pairs) {
        String[] ids = new String[pairs.size()];
        Float[] scores = new Float[pairs.size()];
        Boolean[] links = new Boolean[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            Candidate candidate = pairs.get(i).candidate();
            ids[i] = candidate.article().id();
            scores[i] = (float) pairs.get(i).score();
            links[i] = candidate.linked();
        }
        return Tuple.tuple().addString(articleId).addArrayOfString(ids).addArrayOfFloat(scores)
                .addArrayOfBoolean(links);
    }
}
