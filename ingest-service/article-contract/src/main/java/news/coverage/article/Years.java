package news.coverage.article;

/**
 * The years a date of an article or a query may fall in, in UTC: four-digit years, which every store and client here
 * reads (MongoDB dates, PostgreSQL timestamps, the schema's date pattern); beyond them arithmetic on instants
 * overflows and stores refuse the value.
 */
public final class Years {

    public static final int FIRST = 1;
    public static final int LAST = 9999;

    private Years() {
    }

    public static boolean holds(int year) {
        return year >= FIRST && year <= LAST;
    }
}
