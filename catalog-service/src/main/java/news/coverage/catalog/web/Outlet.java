package news.coverage.catalog.web;

/** The outlet that published a report, as recommend-service names it. */
public record Outlet(String name, String domain) {

    /** The name a reader knows it by, else its domain. */
    public String label() {
        return name == null || name.isBlank() ? domain : name;
    }
}
