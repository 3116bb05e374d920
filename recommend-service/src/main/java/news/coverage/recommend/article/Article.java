package news.coverage.recommend.article;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** What ranking needs of one cataloged article. */
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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "article_topic", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "topic")
    public Set<String> topics = new HashSet<>();

    /** The analysed terms of title and excerpt, and their weights (see {@code TermVector}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] terms = new String[0];
    @Column(name = "term_weights")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public float[] termWeights = new float[0];

    /** The ids of the items this one lists as related (its editorial links). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "editorial_link", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "linked_id")
    public Set<String> linkedIds = new HashSet<>();

    /**
     * Whether this version's neighbours are stored; a new version clears it. The rest of a list's state is
     * {@code NeighbourLists}' alone, written when it stores the list.
     */
    @Column(name = "neighbours_computed")
    public boolean neighboursComputed;
}
