package news.coverage.catalog.article;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/**
 * That an article was deleted, and when: a record of it received before then (redelivered, or late from a stored
 * object) does not bring it back. A version received after the deletion does, and removes the mark.
 */
@MongoEntity(collection = "deletions")
public class DeletionMark {

    @BsonId
    public String id;
    public Instant deletedAt;
}
