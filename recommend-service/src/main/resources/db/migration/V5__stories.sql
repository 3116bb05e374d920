-- Stories: reports of the same event, grouped as articles arrive. An arriving article is close enough in text and
-- time to some articles already grouped (NeighbourLists, when it stores its list): their stories and its own become
-- one; with none, it founds a story named by its own id. A new version keeps its story; a deleted article leaves it.
ALTER TABLE article ADD COLUMN story_id TEXT;
CREATE INDEX article_story ON article (story_id);
