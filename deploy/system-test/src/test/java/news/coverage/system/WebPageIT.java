package news.coverage.system;

import news.coverage.deploy.run.CoverageServices;
import news.coverage.deploy.run.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's visit to the catalog's web pages in headless Chromium, against the packaged services and the sample
 * items: the newest articles filtered by a topic, a search, an article with its related-coverage box and its story,
 * the largest stories, an upload whose box fills without a reload, and errors in words. Each step's screenshot is
 * saved under {@code target/web-page/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageIT {

    private static final Path SAMPLES = SystemUnderTest.REPOSITORY.resolve("deploy/sample-data");
    private static final Path SCREENSHOTS = Path.of("target", "web-page");
    private static final String IBM = "IBM gets out of facial recognition business";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static SystemUnderTest system;
    private static WebDriver browser;
    private static String site;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        system = SystemUnderTest.start("web-page");
        CoverageServices services = system.services();
        site = services.get("catalog-service").url().toString();
        token = system.issuer().token("web-page-test", Duration.ofHours(1), "ingest");
        loadSamples(services.get("ingest-service").url());
        browser = chromium();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void theHomePageListsTheNewestArticlesAndFiltersThemByTopic() throws IOException {
        browser.get(site + "/");
        assertEquals("Latest coverage", text(By.tagName("h1")));
        assertEquals(20, browser.findElements(By.cssSelector("ol.articles > li")).size(), "a page of 20");
        screenshot("1-home");

        Select topics = new Select(browser.findElement(By.name("topic")));
        assertTrue(topics.getOptions().stream().anyMatch(option -> option.getText().equals("Computer Vision (31)")),
                "topics with their counts");
        topics.selectByValue("Computer Vision");
        follow(browser.findElement(By.cssSelector("form.filters button")));
        List<WebElement> listed = browser.findElements(By.cssSelector("ol.articles > li"));
        assertFalse(listed.isEmpty());
        for (WebElement article : listed) {
            assertTrue(article.findElement(By.cssSelector("ul.topics")).getText().contains("Computer Vision"),
                    "every listed article carries the topic: " + article.getText());
        }
        follow(browser.findElement(By.linkText("Older articles →")));
        assertEquals(31 - 20, browser.findElements(By.cssSelector("ol.articles > li")).size(), "the second page");
        screenshot("2-filtered-by-topic");
    }

    @Test
    @Order(2)
    void anArticleShowsOtherOutletsReportsOfItsStoryAndTheStoryItsTimeline() throws IOException {
        browser.get(site + "/");
        search("IBM facial recognition business");
        follow(browser.findElement(By.linkText(IBM)));

        assertEquals(IBM, text(By.tagName("h1")));
        assertTrue(text(By.cssSelector(".outlet")).contains("Reuters"));
        List<WebElement> box = awaitBox();
        assertTrue(box.size() >= 3, "several same-story reports: " + box.size());
        assertTrue(box.stream().noneMatch(entry -> entry.findElement(By.className("meta")).getText()
                .startsWith("Reuters ")), "other outlets first, and here only other outlets");
        assertTrue(box.stream().filter(entry -> entry.getText().contains("IBM")).count() >= 3,
                "other outlets' reports of IBM's move");
        WebElement why = box.get(0).findElement(By.tagName("details"));
        why.findElement(By.tagName("summary")).click();
        assertTrue(why.getText().contains("Same story:"), why.getText());
        assertTrue(why.getText().contains("apart"), why.getText());
        assertFalse(browser.findElements(By.cssSelector("section.editorial li")).isEmpty(), "the editorial list");
        screenshot("3-article");

        follow(browser.findElement(By.linkText("The whole story")));
        List<WebElement> reports = browser.findElements(By.cssSelector("ol.reports > li"));
        assertTrue(reports.size() >= 4, "the story's reports: " + reports.size());
        assertTrue(reports.stream().anyMatch(report -> report.getText().contains(IBM)));
        assertTrue(text(By.cssSelector("main > p.meta")).matches("\\d+ reports from \\d+ outlets, .*"));
        assertEquals(reports.size(), browser.findElements(By.cssSelector(".timeline .mark")).size());
        screenshot("4-story");
    }

    @Test
    @Order(3)
    void theStoriesPageShowsTheLargestStoriesWithTheirOutlets() throws IOException {
        browser.get(site + "/");
        follow(browser.findElement(By.linkText("Stories")));
        List<WebElement> stories = browser.findElements(By.cssSelector("ol.stories > li"));
        assertFalse(stories.isEmpty());
        String first = stories.get(0).findElement(By.className("meta")).getText();
        assertTrue(first.matches("\\d+ reports from \\d+ outlets · .* to .*"), first);
        screenshot("5-stories");
    }

    @Test
    @Order(4)
    void anUploadedArticleOpensAndItsBoxFillsWithoutAReload() throws Exception {
        Path upload = Files.createTempFile(SCREENSHOTS.toAbsolutePath(), "upload-", ".md");
        Files.writeString(upload, Files.readString(SAMPLES.resolve("2020-06-09-ibm-gets-out-of-facial-recognition-business.md"))
                .replace("title: \"IBM gets out of facial recognition business\"",
                        "title: \"IBM quits the facial recognition business\"")
                .replace("https://www.reuters.com/article/us-ibm-facial-recognition-idUSKBN23G01T",
                        "https://example.org/ibm-quits-facial-recognition")
                .replaceAll("(?m)^(ampWebUrl|cdnAmpWebUrl): .*$", "")
                .replace("name: Reuters\n  domain: reuters.com", "name: Example News\n  domain: example.org"));
        browser.get(site + "/");
        follow(browser.findElement(By.linkText("Upload")));
        browser.findElement(By.name("token")).sendKeys(token);
        browser.findElement(By.name("file")).sendKeys(upload.toString());
        long uploaded = System.nanoTime();
        follow(browser.findElement(By.cssSelector("form.upload button")));

        WebElement result = browser.findElement(By.cssSelector("ol.results > li"));
        assertTrue(result.getText().startsWith("Accepted"), result.getText());
        screenshot("6-uploaded");
        follow(result.findElement(By.linkText("Open the article")));
        assertEquals("IBM quits the facial recognition business", text(By.tagName("h1")));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
        List<WebElement> box = awaitBox();
        System.out.printf("WebPageIT: from the upload to the new article's filled box %d ms%n",
                (System.nanoTime() - uploaded) / 1_000_000);
        assertFalse(box.isEmpty());
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.notReloaded"),
                "the box filled in the page as it was");
        screenshot("7-uploaded-article");
    }

    @Test
    @Order(5)
    void problemsAreSaidInWordsOnThePage() throws IOException {
        browser.get(site + "/web/upload");
        browser.findElement(By.name("token")).clear();
        browser.findElement(By.name("token")).sendKeys("not-a-token");
        browser.findElement(By.name("file")).sendKeys(SAMPLES.resolve(
                "2020-06-09-ibm-gets-out-of-facial-recognition-business.md").toString());
        follow(browser.findElement(By.cssSelector("form.upload button")));
        assertTrue(text(By.cssSelector(".outcome .message")).startsWith("The token was refused"),
                text(By.cssSelector(".outcome .message")));
        screenshot("8-refused-token");

        browser.get(site + "/?q=" + "https://example.com/never-seen");
        assertTrue(text(By.cssSelector(".message")).contains("No article of the catalog has the URL"));
        browser.get(site + "/?from=2020-06-12&to=2020-06-01");
        assertTrue(text(By.cssSelector(".message")).contains("is after the last"));
        browser.get(site + "/web/articles/0123456789abcdef0123456789abcdef");
        assertEquals("No such article", text(By.tagName("h1")));
        assertFalse(browser.getPageSource().contains("\"status\""), "a page, not a problem document");
    }

    @Test
    @Order(6)
    void thePagesWorkAtAPhonesWidthAndWithTheKeyboard() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(site + "/");
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            assertEquals("Skip to the content", browser.switchTo().activeElement().getText());
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            search("IBM facial recognition business");
            WebElement link = browser.findElement(By.linkText(IBM));
            link.sendKeys(Keys.ENTER);
            new WebDriverWait(browser, PATIENCE).until(gone(link));
            awaitBox();
            Object overflow = ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
            assertEquals(Boolean.FALSE, overflow, "nothing wider than the phone");
            screenshot("9-article-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1800));
        }
    }

    /** Clicks a link or button and waits for the page it leads to. */
    private static void follow(WebElement element) {
        element.click();
        new WebDriverWait(browser, PATIENCE).until(gone(element));
    }

    /**
     * Whether the element left the page. ChromeDriver says so with a stale reference, or, while the next page is
     * being built, with "Node with given id does not belong to the document".
     */
    private static ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** Types words into the search box of the page's header and waits for the results. */
    private static void search(String words) {
        WebElement box = browser.findElement(By.id("site-search"));
        box.sendKeys(words, Keys.ENTER);
        new WebDriverWait(browser, PATIENCE).until(gone(box));
    }

    /** The entries of the related-coverage box, once it has some. */
    private static List<WebElement> awaitBox() {
        return new WebDriverWait(browser, PATIENCE).until(driver -> {
            List<WebElement> entries = driver.findElements(By.cssSelector("#box ol.coverage > li"));
            return entries.isEmpty() ? null : entries;
        });
    }

    private static String text(By by) {
        return browser.findElement(by).getText();
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Debian's Chromium and its driver (.ci/run installs them); no download. */
    private static WebDriver chromium() {
        String driver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        String binary = System.getProperty("chromium.binary", "/usr/bin/chromium");
        if (!new File(driver).canExecute() || !new File(binary).canExecute()) {
            throw new IllegalStateException("the web page test needs Chromium and chromedriver at " + binary + " and "
                    + driver + " (apt-get install chromium chromium-driver, as .ci/run does)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(binary)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1800",
                        "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return chrome;
    }

    /** The sample items through ingest, then until recommend has projected them all. */
    private static void loadSamples(URI ingest) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<Path> files;
        try (Stream<Path> listing = Files.list(SAMPLES)) {
            files = listing.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        for (Path file : files) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(ingest.resolve("/items"))
                    .header("Content-Type", "text/markdown").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, response.statusCode(), response.body());
        }
        ServiceProcess recommend = system.services().get("recommend-service");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> recommend.readinessData("articles") == files.size());
    }
}
