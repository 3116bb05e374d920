package news.coverage.catalog.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

/** A stored article as the API shows it: every field of the item, with its version and change times. */
@ApplicationScoped
public class ArticleRepresentation {

    private final ObjectMapper json;

    public ArticleRepresentation(ObjectMapper json) {
        this.json = json;
    }

    /** The item exactly as ingested. */
    ObjectNode item(ArticleDocument document) {
        try {
            return (ObjectNode) json.readTree(document.item.toJson());
        } catch (Exception e) {
            throw new IllegalStateException("a stored item is not JSON: " + document.id, e);
        }
    }

    public ObjectNode toJson(ArticleDocument document) {
        ObjectNode article = item(document);
        article.put("version", document.version);
        article.put("firstSeenAt", document.firstSeenAt.toString());
        article.put("updatedAt", document.updatedAt.toString());
        return article;
    }
}
