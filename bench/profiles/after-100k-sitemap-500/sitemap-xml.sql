0.014 s  SELECT MAX("articles_article"."updated_at") AS "latest" FROM "articles_article" WHERE ("articles_article"."deleted_at" IS NULL AND "articles_article"."published_at" <= '2026-12-07T23:30:57.559311+00:00'::timestamptz AND "articles_article"."status" = 'published')

0.008 s  SELECT COUNT(*) AS "__count" FROM "articles_article" WHERE ("articles_article"."deleted_at" IS NULL AND "articles_article"."published_at" <= '2026-12-07T23:30:57.573658+00:00'::timestamptz AND "articles_article"."status" = 'published')

0.000 s  SELECT COUNT(*) AS "__count" FROM "organizations_organization"

0.024 s  SELECT MAX("organizations_meeting"."updated_at") AS "latest" FROM "organizations_meeting" WHERE EXISTS(SELECT 1 AS "a" FROM "articles_article" U0 WHERE (U0."deleted_at" IS NULL AND U0."published_at" <= '2026-12-07T23:30:57.583823+00:00'::timestamptz AND U0."status" = 'published' AND U0."meeting_id" = ("organizations_meeting"."id")) LIMIT 1)

0.013 s  SELECT COUNT(*) AS "__count" FROM "organizations_meeting" WHERE EXISTS(SELECT 1 AS "a" FROM "articles_article" U0 WHERE (U0."deleted_at" IS NULL AND U0."published_at" <= '2026-12-07T23:30:57.610554+00:00'::timestamptz AND U0."status" = 'published' AND U0."meeting_id" = ("organizations_meeting"."id")) LIMIT 1)

0.058 s  SELECT DISTINCT "articles_article"."period_code" AS "period_code" FROM "articles_article" WHERE ("articles_article"."deleted_at" IS NULL AND "articles_article"."published_at" <= '2026-12-07T23:30:57.626056+00:00'::timestamptz AND "articles_article"."status" = 'published' AND NOT ("articles_article"."period_code" = ''))

0.001 s  SELECT COUNT(*) AS "__count" FROM "articles_category" WHERE EXISTS(SELECT 1 AS "a" FROM "articles_article" U0 WHERE (U0."deleted_at" IS NULL AND U0."published_at" <= '2026-12-07T23:30:57.700242+00:00'::timestamptz AND U0."status" = 'published' AND U0."category_id" = ("articles_category"."id")) LIMIT 1)

0.001 s  SELECT COUNT(*) AS "__count" FROM "articles_tag" WHERE EXISTS(SELECT 1 AS "a" FROM "articles_taggedarticle" V0 WHERE (V0."content_object_id" IN (SELECT U0."id" FROM "articles_article" U0 WHERE (U0."deleted_at" IS NULL AND U0."published_at" <= '2026-12-07T23:30:57.703169+00:00'::timestamptz AND U0."status" = 'published')) AND V0."tag_id" = ("articles_tag"."id")) LIMIT 1)

0.000 s  SELECT "documents_document"."id", "documents_document"."slug", "documents_document"."updated_at" FROM "documents_document" WHERE "documents_document"."is_public" ORDER BY "documents_document"."issued_on" DESC, "documents_document"."id" DESC

0.000 s  SELECT COUNT(*) AS "__count" FROM "documents_document" WHERE "documents_document"."is_public"

0.000 s  SELECT "articles_sitesettings"."id", "articles_sitesettings"."site_name", "articles_sitesettings"."responsible_body", "articles_sitesettings"."editor_in_charge", "articles_sitesettings"."license", "articles_sitesettings"."address", "articles_sitesettings"."phone", "articles_sitesettings"."email", "articles_sitesettings"."banner" FROM "articles_sitesettings" ORDER BY "articles_sitesettings"."id" ASC LIMIT 1

0.000 s  SELECT "articles_category"."name" AS "name", "articles_category"."slug" AS "slug" FROM "articles_category" ORDER BY "articles_category"."order" ASC, 1 ASC