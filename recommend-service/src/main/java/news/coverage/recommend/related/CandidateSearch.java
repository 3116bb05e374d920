package news.coverage.recommend.related;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.text.DocumentFrequencies;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the candidates of a related-coverage query in one round trip: the articles of the time window that share
 * distinctive terms with the query (by the inverted index, best TF-IDF dot product first), plus the editorially
 * linked ones when that signal is on; narrowed to those sharing a topic and to the requested providers. The norms of
 * their vectors are computed here, from {@link DocumentFrequencies} (a second round trip only for terms not read
 * in the last seconds).
 */
@ApplicationScoped
public class CandidateSearch {

    private static final String CANDIDATES = """
            WITH n AS (SELECT greatest(article_count, 1)::float8 AS n FROM corpus_stat WHERE id = 1),
            q AS (
                SELECT q.term, q.weight * ln((n.n + 1) / s.article_count) AS w, ln((n.n + 1) / s.article_count) AS idf
                FROM unnest($1::text[], $2::real[]) AS q(term, weight)
                JOIN term_stat s ON s.term = q.term, n
                WHERE s.article_count <= greatest(n.n * $3, 10)
            ),
            scored AS (
                SELECT t.article_id, sum(q.w * t.weight * q.idf) AS dot
                FROM q JOIN article_term t ON t.term = q.term
                WHERE t.published_at BETWEEN $4 AND $5 AND t.article_id <> $6
                GROUP BY t.article_id ORDER BY dot DESC LIMIT $7
            ),
            linked AS (
                SELECT unnest($9::text[]) AS article_id WHERE $8
                UNION SELECT article_id FROM editorial_link WHERE $8 AND linked_id = $6
            )
            SELECT a.id, a.title, a.url, a.provider_name, a.provider_domain, a.published_at, a.quality, a.type,
                   a.image_url, coalesce(scored.dot, 0) AS dot, linked.article_id IS NOT NULL AS linked,
                   ARRAY(SELECT topic FROM article_topic WHERE article_id = a.id) AS topics,
                   a.terms, a.term_weights, n.n AS corpus_size,
                   (SELECT sqrt(sum(q.w * q.w)) FROM q) AS query_norm
            FROM scored FULL JOIN linked ON linked.article_id = scored.article_id
            JOIN article a ON a.id = coalesce(scored.article_id, linked.article_id), n
            WHERE a.published_at BETWEEN $4 AND $5 AND a.id <> $6 AND NOT a.id = ANY($10::text[])
              AND (cardinality($11::text[]) = 0
                   OR EXISTS (SELECT 1 FROM article_topic x WHERE x.article_id = a.id AND x.topic = ANY($11::text[])))
              AND ($12 = 'ANY' OR ($12 = 'SAME') = (a.provider_domain = $13))""";

    private static final String TOPIC_WEIGHTS = """
            SELECT s.topic, ln(1 + c.article_count::float8 / s.article_count) AS weight
            FROM topic_stat s, corpus_stat c WHERE c.id = 1 AND s.topic = ANY($1::text[])""";

    private final Pool database;
    private final RankingConfig config;
    private final DocumentFrequencies frequencies;

    public CandidateSearch(Pool database, RankingConfig config, DocumentFrequencies frequencies) {
        this.database = database;
        this.config = config;
        this.frequencies = frequencies;
    }

    /** The candidates, and the norm of the query's TF-IDF vector under the same statistics. */
    public Uni<Candidates> candidates(RelatedQuery query, boolean withLinks) {
        var options = query.options();
        Tuple parameters = Tuple.tuple()
                .addArrayOfString(query.text().terms())
                .addArrayOfFloat(boxed(query.text().weights()))
                .addDouble(config.commonTermShare())
                .addOffsetDateTime(query.publishedAt().minus(options.window()).atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(query.publishedAt().plus(options.window()).atOffset(ZoneOffset.UTC))
                .addString(query.articleId() == null ? "" : query.articleId())
                .addInteger(config.candidates())
                .addBoolean(withLinks)
                .addArrayOfString(query.linkedIds().toArray(String[]::new))
                .addArrayOfString(options.exclude().toArray(String[]::new))
                .addArrayOfString(query.topics().toArray(String[]::new))
                .addString(query.providerDomain() == null ? "ANY" : options.providers().name())
                .addString(query.providerDomain() == null ? "" : query.providerDomain());
        return database.preparedQuery(CANDIDATES).execute(parameters).chain(rows -> {
            List<Row> found = new ArrayList<>();
            rows.forEach(found::add);
            if (found.isEmpty()) {
                return Uni.createFrom().item(new Candidates(List.of(), 0));
            }
            double corpusSize = found.get(0).getDouble("corpus_size");
            double queryNorm = orZero(found.get(0).getDouble("query_norm"));
            List<String> terms = found.stream().flatMap(row -> Arrays.stream(row.getArrayOfStrings("terms"))).toList();
            return frequencies.of(terms).map(counts -> new Candidates(found.stream()
                    .map(row -> candidate(row, norm(row, counts, corpusSize))).toList(), queryNorm));
        });
    }

    /**
     * The norm of a candidate's TF-IDF vector under the same statistics as the query's: idf = ln((N + 1) / df), terms
     * on more than the common-term share of all articles left out.
     */
    private double norm(Row row, Map<String, Integer> counts, double corpusSize) {
        String[] terms = row.getArrayOfStrings("terms");
        Float[] weights = row.getArrayOfFloats("term_weights");
        double ceiling = Math.max(corpusSize * config.commonTermShare(), 10);
        double sum = 0;
        for (int i = 0; i < terms.length; i++) {
            int articles = counts.getOrDefault(terms[i], 0);
            if (articles > 0 && articles <= ceiling) {
                double weight = weights[i] * Math.log((corpusSize + 1) / articles);
                sum += weight * weight;
            }
        }
        return Math.sqrt(sum);
    }

    /** The IDF weight of each of the topics, ln(1 + N / articles carrying it); unknown topics are left out. */
    public Uni<Map<String, Double>> topicWeights(Iterable<String> topics) {
        List<String> names = new ArrayList<>();
        topics.forEach(names::add);
        return database.preparedQuery(TOPIC_WEIGHTS).execute(Tuple.of(names.toArray(String[]::new)))
                .map(rows -> {
                    var weights = new HashMap<String, Double>();
                    rows.forEach(row -> weights.put(row.getString("topic"), row.getDouble("weight")));
                    return weights;
                });
    }

    private static Candidate candidate(Row row, double norm) {
        return new Candidate(row.getString("id"), row.getString("title"), row.getString("url"),
                row.getString("provider_name"), row.getString("provider_domain"),
                row.getOffsetDateTime("published_at").toInstant(), row.getInteger("quality"), row.getString("type"),
                row.getString("image_url"), List.of(row.getArrayOfStrings("topics")), row.getDouble("dot"),
                norm, row.getBoolean("linked"));
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    public record Candidates(List<Candidate> found, double queryNorm) {
    }

    private static Float[] boxed(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
