-- Manual recovery after online-alter was killed, or exited with status 8.
--
-- Usually there is no need for this file: run the same command with --resume
-- to continue a stopped run, or `online-alter cleanup --database app_db
-- --table orders` to remove what it left (--dry-run lists it first). This file
-- shows the same steps by hand, for a machine without the tool.
--
-- A run that ends normally cleans up after itself, even when it fails. Only a
-- run that was killed (kill -9, a crash, a lost machine), or one that reports
-- "cleanup incomplete" (exit status 8), can leave objects behind; so can the
-- exit status 5 that reports changes reaching the old table after the swap
-- (see step 4), which keeps them on purpose. This file shows how to remove
-- them by hand. Read it through; run the steps one by one.
--
-- Placeholders, replace them everywhere before running:
--   app_db   the schema
--   orders   the table the tool was changing (called T below)
-- For example: sed 's/app_db/shop/g; s/orders/invoices/g' recovery.sql
--
-- What the tool creates for table T:
--   triggers  T_oa_ins, T_oa_upd, T_oa_del  (on T before the swap; they follow
--                                           the table to _T_old if the swap
--                                           happened)
--   tables    T_oa_chg                      (the change log: the keys of the
--                                           rows the application changed; the
--                                           triggers insert into it)
--             T_oa_new                      (the shadow table, before the swap)
--             T_oa_chk                      (the checkpoint: where the run stood,
--                                           for --resume)
--             _T_old                        (the original table, after the swap)
-- When a name would pass the 64-character limit it is shortened:
--   T_oa_new, T_oa_chg, T_oa_chk and the triggers become the first characters
--   of T (at most 51), then "~", then 8 hex digits, then _new, _chg, _chk,
--   _ins, _upd or _del;
--   _T_old becomes _ + the first 50 characters of T + _ + 8 hex digits + _old.
-- For such a table, put only the beginning of T in place of "orders" in the
-- LIKE patterns of step 2 (the part before "~" in the names the tool printed,
-- or simply T's first few characters), and use the names step 2 prints in the
-- later steps. In LIKE, "_" matches any one character and "%" any sequence
-- of characters; "\_" matches an underscore only.
--
-- Rules:
--   * Never drop or alter T itself. Before the swap it is the original table,
--     after the swap it is the new one; either way it holds the live data.
--   * Drop the triggers first, then the change log, then the shadow table.
--     While the triggers exist, every write to their table also inserts into
--     T_oa_chg: dropping T_oa_chg first makes every INSERT, UPDATE and DELETE
--     on that table fail ("Table '..._oa_chg' doesn't exist").

-- 1. Make sure the tool is no longer running: no online-alter process on the
--    machine it ran on, and none of its sessions on the server.
SHOW PROCESSLIST;

-- 2. See what is left. The tool's triggers are those named like the patterns
--    below (T's own triggers have other names). If T lacks triggers of its own
--    that the shadow table has, the run was stopped inside its swap: create
--    them again on T (SHOW CREATE TRIGGER gives their text) before step 6.
SELECT trigger_name, event_object_table, action_timing, event_manipulation
  FROM information_schema.triggers
 WHERE trigger_schema = 'app_db'
   AND (event_object_table IN ('orders', '_orders_old')
        OR trigger_name LIKE 'orders\_oa\_%'
        OR trigger_name LIKE 'orders%~%');

SELECT table_name, table_rows, create_time
  FROM information_schema.tables
 WHERE table_schema = 'app_db'
   AND (table_name LIKE 'orders\_oa\_%'
        OR table_name LIKE 'orders%~%'
        OR table_name LIKE '\_orders%\_old');

-- Every statement below that needs a table's metadata lock waits at most this
-- long, so a long-running transaction of the application cannot queue every
-- other client behind it. If one fails with "Lock wait timeout exceeded", run
-- it again.
SET SESSION lock_wait_timeout = 2;

-- 3. Drop the triggers. Step 2 shows which table they are on.
--
-- 3a. On T (the run stopped before the swap): drop all three inside one short
--     LOCK TABLES, as the tool does. Clients that use server-side prepared
--     statements can otherwise fail with error 1146 while the triggers
--     disappear one by one. If T_oa_chg no longer exists, LOCK TABLES fails;
--     then run the DROP TRIGGER statements without it.
LOCK TABLES `app_db`.`orders` WRITE, `app_db`.`orders_oa_chg` WRITE;
DROP TRIGGER IF EXISTS `app_db`.`orders_oa_ins`;
DROP TRIGGER IF EXISTS `app_db`.`orders_oa_upd`;
DROP TRIGGER IF EXISTS `app_db`.`orders_oa_del`;
UNLOCK TABLES;

-- 3b. On _T_old (the swap happened): no application writes to _T_old, so no
--     lock is needed.
-- DROP TRIGGER IF EXISTS `app_db`.`orders_oa_ins`;
-- DROP TRIGGER IF EXISTS `app_db`.`orders_oa_upd`;
-- DROP TRIGGER IF EXISTS `app_db`.`orders_oa_del`;

-- Check that none is left (use the names step 2 printed if they were shortened):
SELECT trigger_name
  FROM information_schema.triggers
 WHERE trigger_schema = 'app_db'
   AND (event_object_table IN ('orders', '_orders_old')
        OR trigger_name LIKE 'orders\_oa\_%'
        OR trigger_name LIKE 'orders%~%');

-- 4. Only if the swap happened (3b): count the entries of the change log.
-- SELECT COUNT(*) FROM `app_db`.`orders_oa_chg`;
--    The tool applies every logged change while it holds T locked, just
--    before the swap, so the change log is empty after a swap. If it is not
--    (the tool then exits with status 5 and says so), the rows of _orders_old
--    whose keys the log holds were changed after the last changes were
--    applied, and T may lack those changes. Compare those rows in both tables
--    and correct T by hand before the log is dropped, for example (with the
--    key columns of T in place of id):
--   SELECT o.* FROM `app_db`.`_orders_old` AS o
--     JOIN (SELECT DISTINCT id FROM `app_db`.`orders_oa_chg`) AS c ON o.id = c.id;
--   SELECT n.* FROM `app_db`.`orders` AS n
--     JOIN (SELECT DISTINCT id FROM `app_db`.`orders_oa_chg`) AS c ON n.id = c.id;

-- 5. Only once the check after step 3 returns no row: drop the change log.
DROP TABLE IF EXISTS `app_db`.`orders_oa_chg`;

-- 6a. If orders_oa_new exists, the run stopped before the swap: T is the
--     original table, untouched, and orders_oa_new is an incomplete copy.
--     Drop it, and the checkpoint that describes it:
DROP TABLE IF EXISTS `app_db`.`orders_oa_new`;
DROP TABLE IF EXISTS `app_db`.`orders_oa_chk`;

-- 6b. If _orders_old exists and orders_oa_new does not, the swap happened: T
--     already has the new schema; _orders_old is the original table as it was
--     at the swap. Drop the checkpoint (if the run was stopped before it could),
--     keep _orders_old as long as you want a way back, then drop it:
-- DROP TABLE IF EXISTS `app_db`.`orders_oa_chk`;
-- DROP TABLE `app_db`.`_orders_old`;

-- 7. Run online-alter again (with --dry-run first) if the change is still
--    wanted. It refuses to start while orders_oa_new, orders_oa_chg,
--    orders_oa_chk, _orders_old or one of the triggers exists.
