package news.coverage.recommend.article;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.vertx.mutiny.sqlclient.Row;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One cataloged article as the read model holds it: what answers show and ranking reads, its editorial links and its
 * story. Written in bulk by {@link ArticleProjection}.
 */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    public String id;
    public String version;
    public String title;
    public String excerpt;
    public String url;
    @Column(name = "provider_name")
    public String providerName;
    @Column(name = "provider_domain")
    public String providerDomain;
    @Column(name = "published_at")
    public Instant publishedAt;
    public Integer quality;
    public String type;
    @Column(name = "image_url")
    public String imageUrl;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] topics = new String[0];
    /** The ids of the items this one lists as related (its editorial links). */
    @Column(name = "linked_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] linkedIds = new String[0];
    @Column(name = "story_id")
    public String storyId;

    /** From a row of the {@code article} table, as bulk reads give it. */
    public static Article of(Row row) {
        Article article = new Article();
        article.id = row.getString("id");
        article.version = row.getString("version");
        article.title = row.getString("title");
        article.excerpt = row.getString("excerpt");
        article.url = row.getString("url");
        article.providerName = row.getString("provider_name");
        article.providerDomain = row.getString("provider_domain");
        article.publishedAt = row.getOffsetDateTime("published_at").toInstant();
        article.quality = row.getInteger("quality");
        article.type = row.getString("type");
        article.imageUrl = row.getString("image_url");
        article.topics = row.getArrayOfStrings("topics");
        article.linkedIds = row.getArrayOfStrings("linked_ids");
        article.storyId = row.getString("story_id");
        return article;
    }
}
