-- Manual recovery after online-alter was killed, or exited with status 8.
--
-- A run that ends normally cleans up after itself, even when it fails. Only a
-- run that was killed (kill -9, a crash, a lost machine), or one that reports
-- "cleanup incomplete" (exit status 8), can leave objects behind. This file
-- shows how to remove them by hand. Read it through; run the steps one by one.
--
-- Placeholders, replace them everywhere before running:
--   app_db   the schema
--   orders   the table the tool was changing (called T below)
-- For example: sed 's/app_db/shop/g; s/orders/invoices/g' recovery.sql
--
-- What the tool creates for table T:
--   triggers  _T_ins, _T_upd, _T_del   (on T before the swap; they follow the
--                                        table to _T_old if the swap happened)
--   tables    _T_new                   (the shadow table, before the swap)
--             _T_old                   (the original table, after the swap)
-- When T is longer than 59 characters these names would pass the 64-character
-- limit; they are then _ + the first 50 characters of T + _ + 8 hex digits +
-- the suffix. For such a table, put T's first 50 characters in the LIKE
-- patterns of step 2 and use the names it prints in steps 3 and 4.
--
-- Rules:
--   * Never drop or alter T itself. Before the swap it is the original table,
--     after the swap it is the new one; either way it holds the live data.
--   * Drop the triggers first, the shadow table second. While the triggers
--     exist, every write to T also writes to _T_new: dropping _T_new first makes
--     every INSERT, UPDATE and DELETE on T fail ("Table '..._new' doesn't exist").

-- 1. Make sure the tool is no longer running: no online-alter process on the
--    machine it ran on, and none of its sessions on the server.
SHOW PROCESSLIST;

-- 2. See what is left. The tool refuses tables that have triggers, so any
--    trigger on T or on _T_old that matches the pattern below is the tool's.
SELECT trigger_name, event_object_table, action_timing, event_manipulation
  FROM information_schema.triggers
 WHERE trigger_schema = 'app_db'
   AND (event_object_table IN ('orders', '_orders_old')
        OR trigger_name LIKE '\_orders%\_ins'
        OR trigger_name LIKE '\_orders%\_upd'
        OR trigger_name LIKE '\_orders%\_del');

SELECT table_name, table_rows, create_time
  FROM information_schema.tables
 WHERE table_schema = 'app_db'
   AND (table_name IN ('_orders_new', '_orders_old')
        OR table_name LIKE '\_orders%\_new'
        OR table_name LIKE '\_orders%\_old');

-- 3. Drop the triggers. DROP TRIGGER needs a metadata lock on the table: a
--    short lock wait keeps a long-running transaction of the application from
--    queueing every other client behind this statement. If it fails with
--    "Lock wait timeout exceeded", run it again.
SET SESSION lock_wait_timeout = 2;
DROP TRIGGER IF EXISTS `app_db`.`_orders_ins`;
DROP TRIGGER IF EXISTS `app_db`.`_orders_upd`;
DROP TRIGGER IF EXISTS `app_db`.`_orders_del`;

-- Check that none is left (use the names step 2 printed if they were shortened):
SELECT trigger_name
  FROM information_schema.triggers
 WHERE trigger_schema = 'app_db' AND event_object_table IN ('orders', '_orders_old');

-- 4a. If _orders_new exists, the run stopped before the swap: T is the original
--     table, untouched, and _orders_new is an incomplete copy. Drop it (only
--     after step 3 showed no trigger left):
DROP TABLE IF EXISTS `app_db`.`_orders_new`;

-- 4b. If _orders_old exists and _orders_new does not, the swap happened: T
--     already has the new schema and holds every change; _orders_old is the
--     original table as it was at the swap. Keep it as long as you want a way
--     back, then drop it:
-- DROP TABLE `app_db`.`_orders_old`;

-- 5. Run online-alter again (with --dry-run first) if the change is still
--    wanted. It refuses to start while _orders_new or _orders_old exists.
