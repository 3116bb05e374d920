package news.coverage.ingest.item;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An entry of an item's related list: the item fields but topics; its id is derived from its URL as well. */
@RegisterForReflection
public class RelatedItem extends ItemFields {
}
