-- Privileges for the account online-alter connects as.
--
-- Replace before running (as an administrator):
--   app_db        the schema that holds the tables to change
--   migrator      the account name; '10.0.%' the hosts it connects from
--   change-me     its password (give it to the tool through MYSQL_PWD or a
--                 defaults file, never on the command line)
--
-- Grant these on the schema only, not on *.*: the tool never needs to touch
-- another schema.

CREATE USER IF NOT EXISTS 'migrator'@'10.0.%' IDENTIFIED BY 'change-me';

GRANT
  SELECT,       -- inspect the table; copy and verify its rows; read the change log
  INSERT,       -- copy rows into the shadow table; the triggers append keys to
                -- the change log; ANALYZE TABLE of the shadow table
  UPDATE,       -- the copy's no-op ON DUPLICATE KEY UPDATE
  DELETE,       -- applying logged changes deletes from the shadow table and
                -- the change log
  CREATE,       -- CREATE TABLE t_oa_new LIKE t; CREATE TABLE t_oa_chg (the
                -- change log); RENAME TABLE (target names)
  DROP,         -- drop the shadow table and the change log on failure, the
                -- change log and the old table after the swap;
                -- RENAME TABLE (source names)
  ALTER,        -- apply the requested ALTER to the shadow table; RENAME TABLE
  INDEX,        -- ALTER clauses that add or drop indexes
  TRIGGER,      -- create and drop the capture triggers t_oa_ins, t_oa_upd, t_oa_del
  LOCK TABLES   -- short LOCK TABLES ... WRITE while the triggers are created,
                -- while they are dropped, and at the cut-over
ON `app_db`.* TO 'migrator'@'10.0.%';

-- The triggers run with the privileges of the account that created them: keep
-- this account and its grants until the migration has ended.

-- No global privilege is needed. The load checks (--max-load,
-- --critical-load) read global status variables, which any account may. At
-- the cut-over the tool watches its own RENAME TABLE session in the process
-- list and, if that does not queue in time, stops it with KILL QUERY; an
-- account sees and kills its own sessions without PROCESS or SUPER. To find
-- the long transaction that an "error: could not take the locks for the
-- swap ..." message asks you to look for, use an account that sees every
-- session in SHOW PROCESSLIST (one with PROCESS).

-- With the binary log enabled, creating a trigger also needs SUPER, unless the
-- server runs with log_bin_trust_function_creators = ON (the server refuses
-- with error 1419 otherwise). Prefer the server setting to granting SUPER:
--   SET GLOBAL log_bin_trust_function_creators = ON;

-- Check the result:
SHOW GRANTS FOR 'migrator'@'10.0.%';
