package news.coverage.ingest.item;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import news.coverage.article.Years;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A date-time of an item: an ISO-8601 text with an offset, in UTC within {@link Years}. Not a number of seconds (which
 * Jackson would take as epoch time) and not a year no store downstream can hold.
 */
final class IsoDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {

    IsoDateTimeDeserializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        }
        String text = parser.getText().strip();
        try {
            OffsetDateTime dateTime = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (!Years.holds(dateTime.withOffsetSameInstant(ZoneOffset.UTC).getYear())) {
                throw context.weirdStringException(text, OffsetDateTime.class, "the year is out of range");
            }
            return dateTime;
        } catch (DateTimeParseException e) {
            throw context.weirdStringException(text, OffsetDateTime.class, e.getMessage());
        }
    }
}
