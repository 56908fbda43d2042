-- Full-text search over an article's headline, standfirst and body (ArticleFilter.search).
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, left(headline, 10000) || ' ' || left(coalesce("alternativeHeadline", ''), 10000) || ' ' || left(body, 200000))) STORED;

CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");
