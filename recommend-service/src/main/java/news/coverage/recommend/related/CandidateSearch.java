package news.coverage.recommend.related;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the candidates of a related-coverage query in one round trip: the articles of the time window that share
 * distinctive terms with the query (by the inverted index, best TF-IDF dot product first), plus the editorially
 * linked ones when that signal is on; narrowed to those sharing a topic. Their text similarity to the query comes from
 * {@link TextSimilarity}; the query's own filters (providers, exclusions) are the ranker's, as for kept neighbours.
 */
@ApplicationScoped
public class CandidateSearch {

    /** $2: per query term, its weight from {@link TextSimilarity#retrievalWeights}. */
    private static final String CANDIDATES = """
            WITH scored AS (
                SELECT t.article_id, sum(q.weight * t.weight) AS dot
                FROM unnest($1::text[], $2::float8[]) AS q(term, weight)
                JOIN article_term t ON t.term = q.term
                WHERE t.published_at BETWEEN $3 AND $4 AND t.article_id <> $5
                GROUP BY t.article_id ORDER BY dot DESC LIMIT $6
            ),
            linked AS (
                SELECT unnest($8::text[]) AS article_id WHERE $7
                UNION SELECT article_id FROM editorial_link WHERE $7 AND linked_id = $5
            )
            SELECT %s, linked.article_id IS NOT NULL AS linked
            FROM scored FULL JOIN linked ON linked.article_id = scored.article_id
            JOIN article a ON a.id = coalesce(scored.article_id, linked.article_id)
            WHERE a.published_at BETWEEN $3 AND $4 AND a.id <> $5
              AND (cardinality($9::text[]) = 0 OR a.topic_names && $9::text[])""".formatted(ArticleSummary.COLUMNS);

    private final Pool database;
    private final RankingConfig config;
    private final TextSimilarity similarity;

    public CandidateSearch(Pool database, RankingConfig config, TextSimilarity similarity) {
        this.database = database;
        this.config = config;
        this.similarity = similarity;
    }

    /** The candidates, each with the similarity of its text to the query's. */
    public Uni<List<Candidate>> candidates(RelatedQuery query, boolean withLinks) {
        return similarity.retrievalWeights(query.text())
                .chain(weights -> database.preparedQuery(CANDIDATES).execute(parameters(query, withLinks, weights)))
                .chain(rows -> {
                    List<ArticleSummary> found = new ArrayList<>(rows.size());
                    List<Boolean> linked = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        found.add(ArticleSummary.of(row));
                        linked.add(row.getBoolean("linked"));
                    }
                    return similarity.cosines(query.text(), found.stream().map(ArticleSummary::text).toList())
                            .map(cosines -> {
                                List<Candidate> candidates = new ArrayList<>(found.size());
                                for (int i = 0; i < cosines.length; i++) {
                                    candidates.add(new Candidate(found.get(i), cosines[i], linked.get(i)));
                                }
                                return candidates;
                            });
                });
    }

    private Tuple parameters(RelatedQuery query, boolean withLinks, Map<String, Double> weights) {
        var options = query.options();
        return Tuple.tuple()
                .addArrayOfString(weights.keySet().toArray(String[]::new))
                .addArrayOfDouble(weights.values().toArray(Double[]::new))
                .addOffsetDateTime(query.publishedAt().minus(options.window()).atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(query.publishedAt().plus(options.window()).atOffset(ZoneOffset.UTC))
                .addString(query.articleId() == null ? "" : query.articleId())
                .addInteger(config.candidates())
                .addBoolean(withLinks)
                .addArrayOfString(query.linkedIds().toArray(String[]::new))
                .addArrayOfString(query.topics().toArray(String[]::new));
    }
}
