package news.coverage.catalog.article;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An item's JSON as BSON bytes, written in one pass: stored as is, and sent to MongoDB as a byte copy, where a
 * {@code Document} would be parsed from JSON text and then encoded value by value (measured: more than half of the
 * catalog's CPU time). Numbers keep their JSON kind: integers as int32, int64 or (beyond) decimal128, others as double.
 */
final class BsonItem {

    private BsonItem() {
    }

    static RawBsonDocument of(JsonNode item) {
        try (BasicOutputBuffer buffer = new BasicOutputBuffer(16 * 1024); BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            write(writer, item);
            return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
        }
    }

    private static void write(BsonWriter writer, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                writer.writeStartDocument();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    writer.writeName(field.getKey());
                    write(writer, field.getValue());
                }
                writer.writeEndDocument();
            }
            case ARRAY -> {
                writer.writeStartArray();
                node.forEach(element -> write(writer, element));
                writer.writeEndArray();
            }
            case STRING -> writer.writeString(node.textValue());
            case BOOLEAN -> writer.writeBoolean(node.booleanValue());
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    writer.writeDouble(node.doubleValue());
                } else if (node.canConvertToInt()) {
                    writer.writeInt32(node.intValue());
                } else if (node.canConvertToLong()) {
                    writer.writeInt64(node.longValue());
                } else {
                    writer.writeDecimal128(new Decimal128(new BigDecimal(node.bigIntegerValue())));
                }
            }
            case NULL, MISSING -> writer.writeNull();
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }
}
