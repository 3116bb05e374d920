package news.coverage.ingest.item;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** A part of an item that keeps the fields it does not know, as they came, so that a round trip loses nothing. */
public abstract class OpenFields {

    private final Map<String, JsonNode> other = new LinkedHashMap<>();

    @JsonAnySetter
    public void setOther(String name, JsonNode value) {
        other.put(name, value);
    }

    @JsonAnyGetter
    public Map<String, JsonNode> getOther() {
        return other;
    }
}
