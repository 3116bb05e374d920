package news.coverage.catalog.article;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.RawBsonDocument;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;
import java.util.List;

/**
 * One article of the catalog. {@code item} holds the item exactly as ingest normalised it, every field included;
 * the other fields are copies of what queries filter and sort on, plus the bookkeeping of changes.
 */
@MongoEntity(collection = "articles")
public class ArticleDocument {

    @BsonId
    public String id;
    public String canonicalUrl;
    /** The canonical form of each URL of the article (canonical, web, original, AMP, source), for look-ups. */
    public List<String> urls;
    public List<String> topics;
    /** The topics by their key (news.coverage.article.Topics): a query finds a topic in any case and spacing. */
    public List<String> topicKeys;
    public String providerDomain;
    /** The provider's domain and name in lower case: a query finds cnet.com as CNET, cnet or CNET.COM. */
    public List<String> providerKeys;
    public Instant publishedAt;
    /** Hash of the item's content: the same content again changes nothing. */
    public String version;
    /** How many times the content was written: 1 at first, one more at each change. */
    public long revision;
    /**
     * The highest revision announced on {@code articles.cataloged}. Behind {@link #revision} only when the service
     * stopped between the write and the announcement: the redelivered record then announces it. Raised with
     * {@code $max} by id alone, so a late mark of an older announcement never lowers it.
     */
    public long announcedRevision;
    /**
     * When ingest received the stored version (its record's CloudEvents {@code time}): an older version arriving
     * later does not replace it ({@link VersionOrder}).
     */
    public Instant receivedAt;
    public Instant firstSeenAt;
    public Instant updatedAt;
    public RawBsonDocument item;
}
