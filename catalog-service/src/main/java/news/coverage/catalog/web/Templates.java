package news.coverage.catalog.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/** The pages, type-checked at build time against what each is given (templates/*.html). */
@CheckedTemplate
final class Templates {

    private Templates() {
    }

    static native TemplateInstance home(HomePage page);

    static native TemplateInstance article(ArticleView article, CoverageBox box, StoryPanel story);

    /** The box alone, which a new article's page asks for again until it fills. */
    static native TemplateInstance article$box(ArticleView article, CoverageBox box);

    static native TemplateInstance stories(DateRange range, List<Story> stories, String message);

    static native TemplateInstance story(Story story, List<Timeline.Mark> marks);

    static native TemplateInstance upload(List<UploadOutcome> outcomes, String message);

    static native TemplateInstance problem(String title, String message);
}
