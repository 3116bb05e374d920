package news.coverage.ingest.item;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.article.TextCharacters;
import news.coverage.article.Years;
import news.coverage.ingest.format.JsonReader;
import news.coverage.ingest.format.ParsedItem;

import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Binds a parsed item (a JSON tree, whatever the upload's format, or an NDJSON line) to a {@link NewsItem}, strictly: a number
 * must be a whole number, not "59" or 59.5; a boolean true or false; a date an ISO-8601 date-time with offset (text,
 * not epoch seconds).
 */
@ApplicationScoped
public class ItemBinder {

    private final ObjectMapper strict;

    public ItemBinder(ObjectMapper json) {
        strict = JsonReader.limited(json)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        for (LogicalType type : new LogicalType[] { LogicalType.Integer, LogicalType.Boolean, LogicalType.Float }) {
            strict.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Array, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("iso-date-times")
                .addDeserializer(OffsetDateTime.class, new IsoDateTimeDeserializer()));
    }

    /**
     * An item and the texts of it that break the contract's character rule ({@link TextCharacters}), by the field paths
     * the client sent, found as the item is read: in every field, known or not.
     */
    public record Bound(NewsItem item, List<FieldError> textErrors) {
    }

    public Bound bind(ParsedItem parsed) {
        if (parsed.tree() != null && !parsed.tree().isObject()) {
            throw new InvalidItemException("", "an item is an object of fields, not " + parsed.tree().getNodeType());
        }
        ParsedItem.JsonBytes json = parsed.json();
        try (TextCharacters.Checking checking = new TextCharacters.Checking(parsed.tree() != null
                ? parsed.tree().traverse(strict)
                : strict.getFactory().createParser(json.content(), json.offset(), json.length()))) {
            NewsItem item = strict.readValue(checking, NewsItem.class);
            return new Bound(item, checking.violations().stream()
                    .map(violation -> new FieldError(violation.field(), violation.message()))
                    .toList());
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw new InvalidItemException("", "an item is an object of fields");
            }
            throw new InvalidItemException(pointer(e), "must be " + expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw new InvalidItemException(pointer(e), e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new InvalidItemException("", "the JSON cannot be read: " + e.getOriginalMessage());
        } catch (Exception e) {
            throw new InvalidItemException("", "cannot be read: " + e.getMessage());
        }
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> "/" + (reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex()))
                .collect(Collectors.joining());
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time with offset, such as 2020-06-12T18:11:00Z, from year "
                    + Years.FIRST + " to " + Years.LAST + " in UTC";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object of fields";
    }
}
