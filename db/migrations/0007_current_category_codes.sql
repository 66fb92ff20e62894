-- #13: the category "korban bencana dan kedaruratan" was stored as korban_bencana. Rows of cases opened
-- before hold the old code; lists filter and count by the current one. The workflows keep the old code
-- in their state, and the read-model writer stores the current code on each of their later writes.
UPDATE "cases" SET "category" = 'korban_bencana_dan_kedaruratan' WHERE "category" = 'korban_bencana';
