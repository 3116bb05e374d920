package news.coverage.recommend.related;

import java.util.List;

/**
 * Why an item is related coverage.
 *
 * @param sharedTopics topics both items carry
 * @param sameProvider whether both come from the same outlet
 * @param hoursApart   distance in publication time
 */
public record Reasons(List<String> sharedTopics, boolean sameProvider, double hoursApart) {
}
