-- Hand-written data migration (no schema change).
--
-- 1. Items of the register's lists get a stable identity: each item of a group
--    of fields gets an "id"; each line of a list of short texts becomes
--    { "id", "text" }. Every version of a record gives the item at the same
--    position the same id (positions were how diffs and redactions matched
--    items until now), so history reads as before.
-- 2. Redactions name items by id instead of position, so adding, removing or
--    reordering items can no longer unmask a withheld value. A redaction of one
--    tag or one neighbourhood (plain lists, withheld only as a whole from now
--    on) withholds the whole list: more is withheld, never less.
-- 3. The list columns of data_uses are recomputed from the public view: a
--    withheld controller, neighbourhood list or tag list leaves its column
--    empty, so no filter or search can match it.
DO $$
DECLARE
  current_list text;
  list_path text[];
  is_text_list boolean;
BEGIN
  CREATE TEMPORARY TABLE data_use_item_ids (
    data_use_id uuid NOT NULL,
    list_name text NOT NULL,
    item_index integer NOT NULL,
    item_id uuid NOT NULL,
    PRIMARY KEY (data_use_id, list_name, item_index)
  );

  FOREACH current_list IN ARRAY ARRAY[
    'legal.specialCategories', 'data.categories', 'processors', 'risks', 'impactAssessments', 'alternatives',
    'accountability.jointControllers', 'purpose.purposes', 'purpose.outOfScopeUses', 'data.subjectCategories', 'recipients'
  ] LOOP
    list_path := string_to_array(current_list, '.');
    is_text_list := current_list IN ('accountability.jointControllers', 'purpose.purposes', 'purpose.outOfScopeUses', 'data.subjectCategories', 'recipients');

    -- One id per record, list and position, across all its versions.
    INSERT INTO data_use_item_ids (data_use_id, list_name, item_index, item_id)
    SELECT positions.data_use_id, current_list, positions.item_index, gen_random_uuid()
      FROM (SELECT DISTINCT v.data_use_id, p.item_index
              FROM data_use_versions v
              CROSS JOIN LATERAL generate_series(0, jsonb_array_length(v.content #> list_path) - 1) AS p(item_index)
             WHERE jsonb_typeof(v.content #> list_path) = 'array') AS positions;

    UPDATE data_use_versions v
       SET content = jsonb_set(v.content, list_path, (
             SELECT coalesce(jsonb_agg(
                      CASE
                        WHEN is_text_list AND jsonb_typeof(e.item) = 'string' THEN jsonb_build_object('id', m.item_id, 'text', e.item)
                        WHEN jsonb_typeof(e.item) = 'object' AND NOT e.item ? 'id' THEN jsonb_build_object('id', m.item_id) || e.item
                        ELSE e.item
                      END ORDER BY e.n), '[]'::jsonb)
               FROM jsonb_array_elements(v.content #> list_path) WITH ORDINALITY AS e(item, n)
               JOIN data_use_item_ids m ON m.data_use_id = v.data_use_id AND m.list_name = current_list AND m.item_index = e.n - 1))
     WHERE jsonb_typeof(v.content #> list_path) = 'array' AND jsonb_array_length(v.content #> list_path) > 0;

    -- "processors.1.contractReference" → "processors.<id of item 1>.contractReference".
    UPDATE data_use_versions v
       SET content = jsonb_set(v.content, '{redactions}', (
             SELECT jsonb_agg(coalesce(jsonb_set(r.item, '{field}', to_jsonb(current_list || '.' || m.item_id || coalesce(x.match[2], ''))), r.item) ORDER BY r.n)
               FROM jsonb_array_elements(v.content -> 'redactions') WITH ORDINALITY AS r(item, n)
               CROSS JOIN LATERAL (SELECT regexp_match(r.item ->> 'field', '^' || replace(current_list, '.', '[.]') || '[.]([0-9]+)([.].*)?$') AS match) AS x
               LEFT JOIN data_use_item_ids m ON m.data_use_id = v.data_use_id AND m.list_name = current_list AND m.item_index = (x.match[1])::integer))
     WHERE jsonb_typeof(v.content -> 'redactions') = 'array' AND jsonb_array_length(v.content -> 'redactions') > 0;
  END LOOP;

  DROP TABLE data_use_item_ids;
END
$$;

-- "tags.2" → "tags" (once per list, keeping the first reason).
UPDATE data_use_versions v
   SET content = jsonb_set(v.content, '{redactions}', (
         SELECT coalesce(jsonb_agg(kept.item ORDER BY kept.n), '[]'::jsonb)
           FROM (SELECT DISTINCT ON (s.field) jsonb_set(s.item, '{field}', to_jsonb(s.field)) AS item, s.n
                   FROM (SELECT r.item, r.n, regexp_replace(r.item ->> 'field', '^(tags|neighbourhoodIds)[.][0-9]+$', '\1') AS field
                           FROM jsonb_array_elements(v.content -> 'redactions') WITH ORDINALITY AS r(item, n)) AS s
                  ORDER BY s.field, s.n) AS kept))
 WHERE jsonb_typeof(v.content -> 'redactions') = 'array'
   AND EXISTS (SELECT 1 FROM jsonb_array_elements(v.content -> 'redactions') AS r(item) WHERE r.item ->> 'field' ~ '^(tags|neighbourhoodIds)[.][0-9]+$');

-- The list columns, as the public sees the current version.
UPDATE data_uses d
   SET controller = CASE WHEN shown.fields && ARRAY['accountability', 'accountability.controller'] THEN '' ELSE d.controller END,
       neighbourhood_ids = CASE WHEN 'neighbourhoodIds' = ANY (shown.fields) THEN '{}' ELSE d.neighbourhood_ids END,
       tags = CASE WHEN 'tags' = ANY (shown.fields) THEN '{}' ELSE d.tags END
  FROM (SELECT v.data_use_id, ARRAY(SELECT r.item ->> 'field' FROM jsonb_array_elements(coalesce(v.content -> 'redactions', '[]'::jsonb)) AS r(item)) AS fields
          FROM data_uses u JOIN data_use_versions v ON v.data_use_id = u.id AND v.version = u.current_version) AS shown
 WHERE shown.data_use_id = d.id;
